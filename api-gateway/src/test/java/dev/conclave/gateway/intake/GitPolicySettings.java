package dev.conclave.gateway.intake;

import dev.conclave.gateway.config.IntakeConfig;
import java.time.Duration;
import java.util.List;

/** The git intake settings of these tests: github.com allowed, internal addresses refused unless said. */
record GitPolicySettings(boolean allowPrivateAddresses) implements IntakeConfig.Git {

    @Override
    public List<String> allowedHosts() {
        return List.of("github.com");
    }

    @Override
    public boolean allowFile() {
        return false;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
    }
}
