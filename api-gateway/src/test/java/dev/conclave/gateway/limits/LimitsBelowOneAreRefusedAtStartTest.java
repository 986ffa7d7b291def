package dev.conclave.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A limit that would refuse every request (or none could be listed) is refused at start, naming its property. */
class LimitsBelowOneAreRefusedAtStartTest {

    private static LimitsConfig limits(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(LimitsConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(LimitsConfig.class);
    }

    @Test
    void zeroUploadsAndANegativePageSizeAreNamed() {
        List<String> problems = RequestLimits.problems(limits(Map.of("conclave.limits.uploads-per-key", "0",
                "conclave.limits.max-page-size", "-1")));

        assertEquals(List.of("conclave.limits.uploads-per-key is 0; it must be 1 or more",
                "conclave.limits.max-page-size is -1; it must be 1 or more"), problems);
    }

    @Test
    void theDefaultsCanWork() {
        assertEquals(List.of(), RequestLimits.problems(limits(Map.of())));
    }
}
