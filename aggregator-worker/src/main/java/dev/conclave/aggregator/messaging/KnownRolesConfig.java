package dev.conclave.aggregator.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Which roles a scan request may name: the same setting as the gateway's. */
@ConfigMapping(prefix = "conclave.scan")
public interface KnownRolesConfig {

    /**
     * Roles a request may name, as the gateway's {@code conclave.scan.known-roles}: a request naming
     * another role can never complete and is dead-lettered by {@code aggregator-intake}.
     */
    @WithDefault("architect,deployment,business")
    List<String> knownRoles();
}
