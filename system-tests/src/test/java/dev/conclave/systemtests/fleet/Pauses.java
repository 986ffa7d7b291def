package dev.conclave.systemtests.fleet;

import java.time.Duration;

/** How a system test waits on its own thread: an interrupt ends the test rather than the wait. */
public final class Pauses {
    private Pauses() {
    }

    /** Sleeps for {@code pause}; a pause that is already over (negative) returns at once. */
    public static void sleep(Duration pause) {
        if (pause.isNegative()) {
            return;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
