package dev.conclave.gateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** API keys: who runs the gateway, where the first admin key comes from, how long lookups are trusted. */
@ConfigMapping(prefix = "conclave.auth")
public interface AuthConfig {

    /**
     * The operator's tenant: its admins may create keys in any tenant (that is how a tenant comes to
     * exist), list and revoke every key, and the dead letters of no known scan belong to it.
     */
    @WithDefault("default")
    String operatorTenant();

    /**
     * A file holding one key ({@code cnk_<prefix>_<secret>}). At start, if it exists, its key is stored
     * (hash only) as an admin of the operator tenant named "local admin", unless it is stored already.
     * {@code ./conclave up} writes it with mode 0600. Nothing else creates a key without a key.
     */
    Optional<Path> bootstrapKeyFile();

    /**
     * How long a key looked up in the database is trusted from memory. A revocation takes effect at once
     * on the gateway that revoked it and within this time on the others; while PostgreSQL is down, keys
     * looked up within this time still authenticate.
     */
    @WithDefault("30s")
    Duration cacheTtl();

    /** A key's last_used_at is written at most this often per key and gateway, not on every request. */
    @WithDefault("1m")
    Duration lastUsedInterval();
}
