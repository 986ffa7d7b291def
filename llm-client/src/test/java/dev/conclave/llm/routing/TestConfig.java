package dev.conclave.llm.routing;

import dev.conclave.llm.config.LlmConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/** Configuration built by hand from {@code conclave.llm.*} properties, with the library's offline provider. */
public final class TestConfig {
    static final String OFFLINE = "offline/conclave-offline-1";

    public static LlmConfig of(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(Map.of(
                "conclave.llm.providers.offline.kind", "offline",
                "conclave.llm.providers.offline.requires-key", "false",
                "conclave.llm.providers.offline.limits.requests", "0"));
        all.putAll(properties);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(LlmConfig.class)
                // Quarkus's reading of "60s", "200ms", "1m": plain SmallRye knows only ISO-8601 (PT60S).
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .build();
        return config.getConfigMapping(LlmConfig.class);
    }

    static ModelRouter router(LlmConfig config, InstantSource clock) {
        return new ModelRouter(config, new PriceTable(config), clock);
    }

    /** A clock the test moves by hand. */
    static final class ManualClock implements InstantSource {
        private Instant now = Instant.parse("2026-11-25T12:00:00Z");

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private TestConfig() {
    }
}
