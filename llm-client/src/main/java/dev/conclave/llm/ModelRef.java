package dev.conclave.llm;

/** A model as configuration names it: {@code provider/model}, e.g. {@code openrouter/meta-llama/llama-3.3-70b}. */
public record ModelRef(String provider, String model) {

    public static ModelRef parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("model '" + text + "' is not of the form provider/model");
        }
        return new ModelRef(text.substring(0, slash).trim(), text.substring(slash + 1).trim());
    }

    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
