package dev.conclave.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.delivery.RetryPolicy.Jitter;
import dev.conclave.delivery.RetryPolicy.Verdict;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A consumer's step policy: a dependency that is down is waited out without a limit, a bug is tried
 * the configured number of times, bad data never again; and a policy without jitter waits its ceiling.
 */
class StepRetryStopsOnlyWhatCannotSucceedTest {
    private final RetryPolicy policy = TestConfigs.delivery(3).stepRetry();

    @Test
    void eachKindOfFailureGetsItsVerdict() {
        assertEquals(Verdict.UNTIL_BACK, policy.retryable().judge(new SQLException("refused", "08001")));
        assertEquals(Verdict.UNTIL_BACK, policy.retryable().judge(new RuntimeException(new ConnectException("no"))));
        assertEquals(Verdict.STOP, policy.retryable().judge(new SQLException("too long", "22001")));
        assertEquals(Verdict.AGAIN, policy.retryable().judge(new IllegalStateException("a bug")));
    }

    @Test
    void unexpectedFailuresAreTriedTheConfiguredNumberOfTimesWithoutADeadline() {
        assertTrue(policy.mayTryAgain(2));
        assertFalse(policy.mayTryAgain(3));
        assertNull(policy.deadline());
        assertEquals(Duration.ofMillis(20), policy.base());
        assertEquals(Duration.ofMillis(200), policy.cap());
    }

    @Test
    void withoutJitterTheWaitIsTheCeiling() {
        RetryPolicy steady = new RetryPolicy(RetryPolicy.UNLIMITED, Duration.ofMillis(100), Duration.ofMillis(500),
                Jitter.NONE, null, failure -> Verdict.UNTIL_BACK);
        Backoff backoff = steady.backoff(new Random(1));
        long[] expected = {100, 200, 400, 500, 500};
        for (int retry = 0; retry < expected.length; retry++) {
            assertEquals(Duration.ofMillis(expected[retry]), backoff.delay(retry, null), "retry " + retry);
        }
    }

    @Test
    void aPolicyThatCannotWorkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1),
                Jitter.FULL, null, failure -> Verdict.STOP));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(5),
                Jitter.FULL, null, failure -> Verdict.STOP));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(5),
                Jitter.FULL, Duration.ZERO, failure -> Verdict.STOP));
    }
}
