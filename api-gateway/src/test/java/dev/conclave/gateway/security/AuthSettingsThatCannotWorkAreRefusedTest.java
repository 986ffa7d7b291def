package dev.conclave.gateway.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A gateway refuses to start with conclave.auth.* settings that cannot work, naming the key to change. */
class AuthSettingsThatCannotWorkAreRefusedTest {

    private record Settings(String operatorTenant, Duration cacheTtl, Duration lastUsedInterval) implements AuthConfig {
        @Override
        public Optional<Path> bootstrapKeyFile() {
            return Optional.empty();
        }
    }

    @Test
    void theDefaultsWork() {
        assertDoesNotThrow(() -> ApiKeys.validate(new Settings("default", Duration.ofSeconds(30), Duration.ofMinutes(1))));
    }

    @Test
    void eachImpossibleSettingIsNamed() {
        refused(new Settings("Ops Team", Duration.ofSeconds(30), Duration.ofMinutes(1)), "conclave.auth.operator-tenant");
        refused(new Settings("ops", Duration.ZERO, Duration.ofMinutes(1)), "conclave.auth.cache-ttl");
        refused(new Settings("ops", Duration.ofHours(1), Duration.ofMinutes(1)), "conclave.auth.cache-ttl");
        refused(new Settings("ops", Duration.ofSeconds(30), Duration.ofSeconds(-1)), "conclave.auth.last-used-interval");
    }

    private static void refused(AuthConfig settings, String key) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> ApiKeys.validate(settings));
        assertTrue(refusal.getMessage().startsWith(key), refusal.getMessage());
    }
}
