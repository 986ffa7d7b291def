package dev.conclave.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Replay jobs: how a job's runner claims and paces it, and the defaults and bounds of what a job may
 * ask for. Every gateway instance runs a runner; a job is driven by one instance at a time.
 */
@ConfigMapping(prefix = "conclave.replay")
public interface ReplayConfig {

    /** How often each instance's runner looks at the active jobs: starts runs into free window slots, renews its claims. */
    @WithDefault("1s")
    Duration tick();

    /**
     * How long a runner's claim on a job lasts unrenewed (it is renewed every tick). After it, another
     * instance takes the job over: a killed instance's job pauses for about this long.
     */
    @WithDefault("15s")
    Duration lease();

    /** Whether this instance drives jobs; false makes it only accept and report them. */
    @WithDefault("true")
    boolean runnerEnabled();

    /** The share of the fleet's rate limit a job's model calls get when it names none (0 < share <= 1). */
    @WithDefault("0.2")
    double defaultShare();

    /** Runs of one job open at once when it names no maxInFlight. */
    @WithDefault("20")
    int defaultMaxInFlight();

    /** The largest maxInFlight a job may ask for: each open run is a request queued on the live partitions. */
    @WithDefault("500")
    int maxInFlightLimit();

    /** Scans a filter selects when it names no limit. */
    @WithDefault("1000")
    int defaultLimit();

    /** The largest limit a filter may name. */
    @WithDefault("100000")
    int maxLimit();

    /** Recent provider calls per role whose tokens and cost a dry run's estimate averages. */
    @WithDefault("200")
    int estimateSample();
}
