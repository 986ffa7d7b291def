package dev.conclave.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StepsAreRetriedUntilTheirDependencyIsBackTest {
    private final DependencyWaits waits = new DependencyWaits();
    private final Persistently persistently = new Persistently(new DeliveryConfig() {
        @Override
        public Duration retryBase() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration retryCap() {
            return Duration.ofMillis(5);
        }

        @Override
        public int unexpectedAttempts() {
            return 3;
        }
    }, waits);

    @Test
    void aStepWhoseDatabaseIsDownIsRetriedAndReportedUntilItIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        List<Map<String, DependencyWaits.Waiting>> seen = new ArrayList<>();
        String written = persistently.call("writing a metrics row", () -> {
            if (attempts.incrementAndGet() <= 20) {
                if (attempts.get() > 1) {
                    seen.add(waits.now());
                }
                throw new IllegalStateException(new SQLException("Connection refused", "08001"));
            }
            return "written";
        });
        assertEquals("written", written);
        assertEquals(21, attempts.get());
        assertTrue(seen.stream().allMatch(w -> w.containsKey("postgresql")), "readiness named the database: " + seen);
        assertFalse(waits.any(), "nothing is waited for once the step succeeded");
    }

    @Test
    void aPermanentFailureIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> persistently.run("decoding", () -> {
            attempts.incrementAndGet();
            throw new PermanentFailure("scanId is missing");
        }));
        assertEquals("scanId is missing", failure.getMessage());
        assertEquals(1, attempts.get());
    }

    @Test
    void anUnexpectedFailureGivesUpAfterItsAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> persistently.run("handling", () -> {
            attempts.incrementAndGet();
            throw new NullPointerException("role");
        }));
        assertEquals(3, attempts.get());
        assertTrue(failure.getMessage().startsWith("unexpected failure after 3 attempts at handling"), failure.getMessage());
        assertFalse(waits.any());
    }

    @Test
    void aStepInterruptedInsideALibraryEndsAtOnceInsteadOfBeingRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(Persistently.InterruptedStepException.class, () -> persistently.run("publishing", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("send aborted", new InterruptedException());
        }));
        assertEquals(1, attempts.get());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertFalse(waits.any());
    }
}
