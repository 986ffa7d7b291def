package dev.conclave.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The roles a scan may ask for; the same setting as the gateway's, so both accept the same requests. */
@ConfigMapping(prefix = "conclave.scan")
public interface KnownRolesConfig {

    /**
     * Every role a scan may ask for. A request naming another role can never be served and is
     * dead-lettered; set this to the gateway's value when adding a role.
     */
    @WithDefault("architect,deployment,business")
    List<String> knownRoles();
}
