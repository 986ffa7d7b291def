package dev.conclave.llm;

/**
 * A model call that did not produce a usable answer. {@code errorClass} is the classification
 * recorded in the metrics (e.g. {@code rate_limiter_unavailable}, {@code all_models_failed}).
 */
public class ModelCallException extends RuntimeException {
    private final String errorClass;

    public ModelCallException(String errorClass, String message) {
        super(message);
        this.errorClass = errorClass;
    }

    public ModelCallException(String errorClass, String message, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
    }

    public String errorClass() {
        return errorClass;
    }
}
