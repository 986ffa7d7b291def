package dev.conclave.llm.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
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
        Map<String, String> overrides = new HashMap<>();
        limits(overrides, STEADY, "10", "1s", "2");
        limits(overrides, TOKENS, "100", "10s", "5");
        overrides.put(limit(TOKENS, "tokens"), "1000");
        limits(overrides, DAILY, "100", "1s", "10");
        overrides.put(limit(DAILY, "requests-per-day"), "3");
        limits(overrides, WIDE, "100000000", "1s", "100000000");
        return overrides;
    }

    /** A provider's requests per period and its burst. */
    private static void limits(Map<String, String> overrides, String provider, String requests, String period,
            String burst) {
        overrides.put(limit(provider, "requests"), requests);
        overrides.put(limit(provider, "period"), period);
        overrides.put(limit(provider, "burst"), burst);
    }

    private static String limit(String provider, String setting) {
        return "conclave.llm.providers." + provider + ".limits." + setting;
    }

    static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
