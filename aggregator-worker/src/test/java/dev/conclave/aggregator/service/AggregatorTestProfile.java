package dev.conclave.aggregator.service;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * One profile for every aggregator test, so Quarkus starts once: real PostgreSQL, Kafka and Redis
 * from the variables {@code stack.sh env} exports, the schema as the service makes it at start; a
 * synthesis (offline provider, 3 s) slower than two synthesis leases (1.5 s: short enough that only renewal
 * keeps a claim, long enough that a loaded machine does not miss a renewal), and a sweeper and
 * a completion relay that look every second (the scheduler's shortest interval).
 */
public class AggregatorTestProfile implements QuarkusTestProfile {
    static final String LEASE = "1500ms";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "conclave.aggregation.synthesis-lease", LEASE,
                "conclave.aggregation.sweep-interval", "1s",
                "conclave.aggregation.completion-relay-interval", "1s",
                "conclave.aggregation.completion-publish-timeout", "5s",
                "conclave.llm.offline.latency", "3s",
                "conclave.llm.instance", "aggregator-test");
    }
}
