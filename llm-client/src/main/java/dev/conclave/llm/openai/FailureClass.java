package dev.conclave.llm.openai;

/**
 * What a failed call means for the next step: try the same model again, move to the next model of
 * the role's chain, or stop because no model can succeed with this request or this key.
 */
public enum FailureClass {
    /** Transient: rate limit, overloaded or failing upstream, broken connection, timeout. */
    RETRYABLE,
    /** This model cannot answer: unknown model, no credits for it, answer truncated or unreadable. */
    NEXT_MODEL,
    /** No retry and no other model helps: the key is refused or the request itself is invalid. */
    FATAL;

    /** The class of an HTTP status, or of the {@code error.code} OpenRouter puts inside a 200 body. */
    public static FailureClass ofHttpStatus(int status) {
        return switch (status) {
            case 400, 401, 403 -> FATAL;
            case 408, 409, 425, 429 -> RETRYABLE;
            // 402: no credits for this (paid) model, a free one may still work; 413/422: this model's limits.
            case 402, 404, 413, 422 -> NEXT_MODEL;
            default -> status >= 500 ? RETRYABLE : NEXT_MODEL;
        };
    }
}
