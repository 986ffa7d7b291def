package dev.conclave.gateway.limits;

import dev.conclave.gateway.config.Workable;
import dev.conclave.gateway.security.CurrentCaller;
import dev.conclave.gateway.service.InvalidScanException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The limits a request meets before the gateway does work for it, each for the calling API key (read
 * through {@link CurrentCaller}) and for this instance: uploads in progress, submissions per minute,
 * open event streams, page sizes. The concurrency counts are this instance's own.
 */
@ApplicationScoped
public class RequestLimits {
    /** A slot frees when a body is read or a stream ends: worth retrying about this soon. */
    private static final long RETRY_AFTER_SECONDS = 2;

    private final CurrentCaller caller;
    private final SubmissionBucket submissions;
    private final LimitsConfig config;
    private final ConcurrencyLimit uploads;
    private final ConcurrencyLimit followers;

    public RequestLimits(CurrentCaller caller, SubmissionBucket submissions, LimitsConfig config) {
        this.caller = caller;
        this.submissions = submissions;
        this.config = config;
        this.uploads = new ConcurrencyLimit("uploads", config.uploadsPerInstance(), "conclave.limits.uploads-per-instance",
                config.uploadsPerKey(), "conclave.limits.uploads-per-key", RETRY_AFTER_SECONDS);
        this.followers = new ConcurrencyLimit("event streams", config.followersPerInstance(),
                "conclave.limits.followers-per-instance", config.followersPerKey(), "conclave.limits.followers-per-key",
                RETRY_AFTER_SECONDS);
    }

    void onStart(@Observes StartupEvent event) {
        Workable.require("the request limits (conclave.limits.*)", problems(config));
    }

    /** Every limit below 1, one sentence each naming the property to change; empty when they can work. */
    public static List<String> problems(LimitsConfig config) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("uploads-per-instance", config.uploadsPerInstance());
        counts.put("uploads-per-key", config.uploadsPerKey());
        counts.put("submissions-per-minute", config.submissionsPerMinute());
        counts.put("submission-burst", config.submissionBurst());
        counts.put("followers-per-key", config.followersPerKey());
        counts.put("followers-per-instance", config.followersPerInstance());
        counts.put("max-page-size", config.maxPageSize());
        counts.put("max-control-body-bytes", config.maxControlBodyBytes());
        return counts.entrySet().stream().filter(count -> count.getValue() < 1)
                .map(count -> "conclave.limits." + count.getKey() + " is " + count.getValue() + "; it must be 1 or more")
                .toList();
    }

    /** One more submission (a scan or a rerun) for the caller's key this minute, or a 429. */
    public void takeSubmission() {
        submissions.take(caller.get().keyId());
    }

    /** Held while a request body is read, unpacked and scanned. */
    public ConcurrencyLimit.Slot uploadSlot() {
        return uploads.acquire(caller.get().keyId());
    }

    /** Held while an event stream is open. */
    public ConcurrencyLimit.Slot followerSlot() {
        return followers.acquire(caller.get().keyId());
    }

    /** Uploads being read on this instance now. */
    public int uploadsInUse() {
        return uploads.inUse();
    }

    /** Event streams open on this instance now. */
    public int followersInUse() {
        return followers.inUse();
    }

    /** Refuses a list {@code limit} outside 1 to {@code conclave.limits.max-page-size} with a 400. */
    public int pageSize(int limit) {
        if (limit < 1 || limit > config.maxPageSize()) {
            throw InvalidScanException.badRequest("limit", "limit is %d; it is 1 to %d (conclave.limits.max-page-size)"
                    .formatted(limit, config.maxPageSize()));
        }
        return limit;
    }

    /** The largest body of a rerun or replay order, in bytes. */
    public int maxControlBodyBytes() {
        return config.maxControlBodyBytes();
    }
}
