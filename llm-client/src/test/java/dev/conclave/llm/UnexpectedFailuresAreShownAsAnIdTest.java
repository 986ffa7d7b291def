package dev.conclave.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A role result says a model call's own (sanitised) failure as it is, and anything else only as a kind and an id. */
class UnexpectedFailuresAreShownAsAnIdTest {

    @Test
    void aModelCallFailureIsShownAsWritten() {
        FailureReason reason = FailureReason.of(new ModelCallException("all_models_failed",
                "every model for role 'architect' failed: openrouter refused the API key (401)"));

        assertEquals("every model for role 'architect' failed: openrouter refused the API key (401)", reason.text());
        assertNull(reason.errorId());
    }

    @Test
    void anythingElseIsItsKindAndAnId() {
        FailureReason reason = FailureReason.of(new IllegalStateException(
                "redis://:s3cret@cache.internal:6379 refused; prompt was: You are the architect"));

        assertNotNull(reason.errorId());
        assertTrue(reason.text().startsWith("unexpected IllegalStateException, error id " + reason.errorId()),
                reason.text());
        assertFalse(reason.text().contains("s3cret") || reason.text().contains("internal")
                || reason.text().contains("prompt"), reason.text());
    }
}
