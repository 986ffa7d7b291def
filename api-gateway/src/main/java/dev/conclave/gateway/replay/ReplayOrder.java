package dev.conclave.gateway.replay;

import java.time.Instant;
import java.util.List;

/**
 * A replay as asked for over HTTP: either a bulk filter or a topic's time range, and how its runs go.
 *
 * @param filter      the scans of a BULK job; null for a TOPIC job
 * @param topic       the topic and time range of a TOPIC job; null for a BULK job
 * @param share       the share of the fleet's rate limit its model calls may use, above 0 and at most 1
 * @param bypassCache its runs call the models even where the cache holds an answer
 * @param roles       the roles analysed again (the others carried from their stored results); null for every role
 * @param maxInFlight runs of the job open at once
 * @param requestedBy who asked, for the audit
 * @param tenant      whose job it is: it selects only this tenant's scans and runs
 */
public record ReplayOrder(ReplayFilter filter, TopicRange topic, double share, boolean bypassCache,
        List<String> roles, int maxInFlight, String requestedBy, String tenant) {

    public ReplayOrder {
        roles = roles == null ? null : List.copyOf(roles);
    }

    public JobKind kind() {
        return filter != null ? JobKind.BULK : JobKind.TOPIC;
    }

    /** A topic replay's records: {@code topic} between {@code from} (inclusive) and {@code to} (exclusive). */
    public record TopicRange(String topic, Instant from, Instant to) {
    }

    /** How a job selects its runs. */
    public enum JobKind { BULK, TOPIC }
}
