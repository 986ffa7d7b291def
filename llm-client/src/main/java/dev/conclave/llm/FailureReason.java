package dev.conclave.llm;

import dev.conclave.llm.openai.CallFailure;
import java.util.UUID;

/**
 * What a failed analysis may say to whoever reads its role result, report or API answer. A model call's
 * own failures ({@link ModelCallException}, {@link CallFailure}) are written for them: classified, with
 * the provider named and its URL, key and headers left out. Anything else is unexpected, and its message
 * may name a host, a query or a file; it is told as its kind and an error id, and the log keeps the
 * detail under that id.
 *
 * @param text    the reason as shown
 * @param errorId the id the log has the detail under; null for a model call's own failure
 */
public record FailureReason(String text, UUID errorId) {

    public static FailureReason of(Throwable failure) {
        if ((failure instanceof ModelCallException || failure instanceof CallFailure) && failure.getMessage() != null) {
            return new FailureReason(failure.getMessage(), null);
        }
        UUID id = UUID.randomUUID();
        return new FailureReason("unexpected " + failure.getClass().getSimpleName() + ", error id " + id
                + "; the worker's log has the detail", id);
    }
}
