package dev.conclave.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of a scan's progress as the CLI shows it live: a role (or the aggregator) was picked up,
 * waits for the rate limit, calls a model, retries, falls back, finished. Best effort and short-lived
 * (a Redis stream per scan, {@link #streamKey(UUID)}); what lasts is in PostgreSQL.
 *
 * @param role   a specialist role, or {@code aggregator}
 * @param model  {@code provider/model} where the step concerns one; null otherwise
 * @param detail a short sentence for people, e.g. "http_503; next attempt in 1.2 s"; may be null
 */
public record ProgressEvent(UUID scanId, int run, String role, ProgressStage stage, String model, String detail,
        Instant at) {

    /** How long a scan's progress stream stays in Redis after its last event. */
    public static final long STREAM_TTL_SECONDS = 3_600;

    /** The Redis stream that holds one scan's progress events, every run. */
    public static String streamKey(UUID scanId) {
        return "conclave:progress:" + scanId;
    }
}
