package dev.conclave.gateway.deadletters;

import java.time.Instant;

/**
 * What {@code POST /api/v1/dead-letters/{id}/redrive} did: {@code REDRIVEN} (sent to {@code topic}
 * and acknowledged) or {@code ALREADY_REDRIVEN} (nothing sent; {@code force=true} sends it again).
 */
public record RedriveOutcome(long id, String outcome, String topic, String redrivenFrom, int redriveCount,
        Instant redrivenAt) {
    public static final String REDRIVEN = "REDRIVEN";
    public static final String ALREADY_REDRIVEN = "ALREADY_REDRIVEN";
}
