package dev.conclave.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The roles a scan may ask for and how long the aggregator waits for them. */
@ConfigMapping(prefix = "conclave.scan")
public interface ScanConfig {

    /** Roles of a scan that names none. */
    @WithDefault("architect,deployment,business")
    List<String> defaultRoles();

    /** Every role a scan may ask for: the roles some analysis-worker serves. */
    @WithDefault("architect,deployment,business")
    List<String> knownRoles();

    /** After this the aggregator closes the run with the roles that arrived. */
    @WithDefault("10m")
    Duration deadline();

    @WithDefault("1h")
    Duration maxDeadline();
}
