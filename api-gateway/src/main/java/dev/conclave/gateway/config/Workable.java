package dev.conclave.gateway.config;

import java.util.List;

/** How the gateway refuses, at start, settings that cannot work: every problem at once, one line each. */
public final class Workable {
    private Workable() {
    }

    /**
     * Throws (ending the start) when there are problems, naming the settings, e.g. "the outbox settings
     * (conclave.outbox.*)", and listing each problem; returns when there are none.
     */
    public static void require(String settings, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(settings + " cannot work:\n  - " + String.join("\n  - ", problems));
        }
    }
}
