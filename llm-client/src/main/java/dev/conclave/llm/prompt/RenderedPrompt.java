package dev.conclave.llm.prompt;

/**
 * A prompt ready to send: the template's version (recorded with the result), the text, and its
 * size in tokens as the tokenizer counts it.
 */
public record RenderedPrompt(String role, String version, String system, String user, int tokens) {
}
