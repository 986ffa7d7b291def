package dev.conclave.llm.redis;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * The named Redis clients of llm-client and their connections. Each concern has a client of its own,
 * so one concern's load never queues another's commands: {@link #RATE_LIMIT} for the fleet buckets,
 * {@link #CACHE} for the response cache (renamed by {@code conclave.llm.cache.redis-client}),
 * {@link #PROGRESS} for progress events, {@link #CANCEL} for the subscription to run cancels. Each points at {@code quarkus.redis.hosts} unless its own
 * {@code quarkus.redis.<name>.hosts} says otherwise; their pool sizes are set, and explained, in
 * llm-client's {@code META-INF/microprofile-config.properties} and docs/operations.md.
 */
@ApplicationScoped
public class RedisClients {
    public static final String RATE_LIMIT = "ratelimit";
    public static final String CACHE = "cache";
    public static final String PROGRESS = "progress";
    public static final String CANCEL = "cancel";

    /** Quarkus' own defaults, for a client configured without them. */
    private static final int DEFAULT_POOL_SIZE = 6;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Config config;
    private final Map<String, RedisConnections> connections = new ConcurrentHashMap<>();

    public RedisClients(Config config) {
        this.config = config;
    }

    /** The connections of client {@code name}: one gate per client and process. */
    public RedisConnections connections(String name) {
        return connections.computeIfAbsent(name, n -> new RedisConnections(n,
                config.getOptionalValue("quarkus.redis." + n + ".max-pool-size", Integer.class).orElse(DEFAULT_POOL_SIZE),
                config.getOptionalValue("quarkus.redis." + n + ".timeout", Duration.class).orElse(DEFAULT_TIMEOUT)));
    }

    /** Whether two clients talk to the same Redis (same hosts), e.g. the cache and the rate-limit buckets. */
    public boolean sameServer(String one, String other) {
        return Objects.equals(hosts(one), hosts(other));
    }

    private Optional<String> hosts(String name) {
        return config.getOptionalValue("quarkus.redis." + name + ".hosts", String.class)
                .or(() -> config.getOptionalValue("quarkus.redis.hosts", String.class))
                .map(hosts -> URI.create(hosts.split(",")[0].trim()).getAuthority());
    }
}
