package dev.conclave.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.gateway.persistence.ReplayJobEntity;
import dev.conclave.gateway.replay.ReplayProgress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A replay job as the API shows it: what was asked, by whom and when, where it is, its counts now
 * and the estimate it was created with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayJobView(UUID id, String kind, String status, JsonNode selection, double share, boolean bypassCache,
        List<String> roles, int maxInFlight, String requestedBy, Instant createdAt, Instant startedAt,
        Instant finishedAt, Instant updatedAt, String claimedBy, Instant claimedUntil, String pausedBy,
        String cancelledBy, String lastError, ReplayProgress progress, JsonNode estimate, String statusUrl) {

    /** The job with the counts its row holds (the runner's last round), for lists. */
    static ReplayJobView of(ReplayJobEntity job) {
        int closed = job.completed + job.partial + job.failed + job.cancelled;
        return of(job, new ReplayProgress(job.selected, job.started, job.completed, job.partial, job.failed,
                job.cancelled, job.skipped, Math.max(0, job.started - closed),
                Math.max(0, job.selected - job.started - job.skipped)));
    }

    /** The job with {@code progress}: counted now, or null when not known yet. */
    static ReplayJobView of(ReplayJobEntity job, ReplayProgress progress) {
        return new ReplayJobView(job.id, job.kind, job.status, job.selection, job.share, job.bypassCache, job.roles,
                job.maxInFlight, job.requestedBy, job.createdAt, job.startedAt, job.finishedAt, job.updatedAt,
                job.claimedBy, job.claimedUntil, job.pausedBy, job.cancelledBy, job.lastError, progress, job.estimate,
                "/api/v1/replays/" + job.id);
    }
}
