package dev.conclave.llm.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * Providers with short periods, named afresh for each test run so their buckets and daily quotas
 * in the shared Redis never meet another run's. Each test takes its own model name on them, which
 * gives it a bucket of its own (scope=model); the daily quota is per provider, so it has its own.
 */
public class LimitedProviders implements QuarkusTestProfile {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** 10 requests per second, burst 2. */
    static final String STEADY = "rl-steady-" + RUN;
    /** 1 000 tokens per 10 s (100 a second); requests hardly limit. */
    static final String TOKENS = "rl-tokens-" + RUN;
    /** 3 attempts per UTC day. */
    static final String DAILY = "rl-daily-" + RUN;
    /** So wide that nothing waits: what a take itself costs. */
    static final String WIDE = "rl-wide-" + RUN;

    @Override
    public Map<String, String> getConfigOverrides() {
        String p = "conclave.llm.providers.";
        return Map.ofEntries(
                Map.entry(p + STEADY + ".limits.requests", "10"),
                Map.entry(p + STEADY + ".limits.period", "1s"),
                Map.entry(p + STEADY + ".limits.burst", "2"),
                Map.entry(p + TOKENS + ".limits.requests", "100"),
                Map.entry(p + TOKENS + ".limits.period", "10s"),
                Map.entry(p + TOKENS + ".limits.burst", "5"),
                Map.entry(p + TOKENS + ".limits.tokens", "1000"),
                Map.entry(p + DAILY + ".limits.requests", "100"),
                Map.entry(p + DAILY + ".limits.period", "1s"),
                Map.entry(p + DAILY + ".limits.burst", "10"),
                Map.entry(p + DAILY + ".limits.requests-per-day", "3"),
                Map.entry(p + WIDE + ".limits.requests", "100000000"),
                Map.entry(p + WIDE + ".limits.period", "1s"),
                Map.entry(p + WIDE + ".limits.burst", "100000000"));
    }

    static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
