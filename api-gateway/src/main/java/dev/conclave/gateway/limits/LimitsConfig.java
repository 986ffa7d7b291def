package dev.conclave.gateway.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How much one API key, and one gateway instance, may ask of the gateway at once. Every refusal is a
 * 429 with {@code Retry-After} whose message names the limit and the property below that sets it. Every
 * count must be 1 or more: {@link RequestLimits#problems} refuses the others at start.
 */
@ConfigMapping(prefix = "conclave.limits")
public interface LimitsConfig {

    /**
     * Request bodies (JSON submissions and archives) being read, unpacked or scanned at once on this
     * instance, across all keys: bounds the memory, disk and CPU intake can take.
     */
    @WithDefault("16")
    int uploadsPerInstance();

    /** Request bodies being read, unpacked or scanned at once for one API key, on this instance. */
    @WithDefault("4")
    int uploadsPerKey();

    /**
     * Scan submissions and reruns one API key may start per minute, across every gateway instance (a
     * token bucket in Redis refilled continuously at this rate). Counted when the request arrives,
     * before its body is read, so refused and invalid submissions count too.
     */
    @WithDefault("30")
    int submissionsPerMinute();

    /**
     * Submissions one API key may make in a quick row after a quiet spell (the bucket's capacity);
     * beyond it they come at {@code submissions-per-minute}.
     */
    @WithDefault("10")
    int submissionBurst();

    /**
     * Longest the submission bucket's Redis script may take. When Redis does not answer in time, or
     * refuses the connection, submissions are let through (fail-open, see docs/decisions.md) and the
     * gateway logs that the per-key rate is not enforced.
     */
    @WithDefault("1s")
    Duration redisTimeout();

    /** Open event streams ({@code GET /api/v1/scans/{id}/events}) of one API key, on this instance. */
    @WithDefault("10")
    int followersPerKey();

    /** Open event streams on this instance, across all keys. */
    @WithDefault("200")
    int followersPerInstance();

    /** Largest {@code limit} a list endpoint accepts (scans, runs, replay jobs); beyond it a 400. */
    @WithDefault("500")
    int maxPageSize();

    /**
     * Largest JSON body of the small control requests (a rerun, a replay order), in bytes; read as a
     * stream and refused with 413 as soon as it is crossed.
     */
    @WithDefault("65536")
    int maxControlBodyBytes();
}
