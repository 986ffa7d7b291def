package dev.conclave.llm.ratelimit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The outcome of one try at a bucket: granted (by whom, when by the granter's clock), or how long to
 * wait before the next try.
 */
record BucketTry(boolean granted, LimitMode mode, long waitMs, Instant grantedAt) {
    static final BucketTry NOT_TRIED = new BucketTry(false, LimitMode.FLEET, 0, null);

    static BucketTry grantedByFleet(long redisMicros) {
        return new BucketTry(true, LimitMode.FLEET, 0,
                redisMicros > 0 ? Instant.EPOCH.plus(redisMicros, ChronoUnit.MICROS) : Instant.now());
    }

    static BucketTry grantedByShare() {
        return new BucketTry(true, LimitMode.LOCAL_SHARE, 0, Instant.now());
    }

    static BucketTry waitFor(long ms) {
        return new BucketTry(false, LimitMode.FLEET, ms, null);
    }
}
