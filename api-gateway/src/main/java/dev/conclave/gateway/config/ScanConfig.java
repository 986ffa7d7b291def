package dev.conclave.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The roles of a scan that names none and how long the aggregator waits for them; the roles themselves are {@link ScanRoles}. */
@ConfigMapping(prefix = "conclave.scan")
public interface ScanConfig {

    /** Roles of a scan that names none; unset, every role of the panel ({@code conclave.roles.panel}). */
    Optional<List<String>> defaultRoles();

    /** After this the aggregator closes the run with the roles that arrived. */
    @WithDefault("10m")
    Duration deadline();

    @WithDefault("1h")
    Duration maxDeadline();
}
