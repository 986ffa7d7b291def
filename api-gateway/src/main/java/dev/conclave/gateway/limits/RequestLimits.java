package dev.conclave.gateway.limits;

import dev.conclave.gateway.security.CurrentCaller;
import dev.conclave.gateway.service.InvalidScanException;
import jakarta.enterprise.context.ApplicationScoped;

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
