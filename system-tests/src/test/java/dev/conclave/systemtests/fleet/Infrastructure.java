package dev.conclave.systemtests.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Kafka, PostgreSQL and Redis are. Each one comes from the environment the services read
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code QUARKUS_DATASOURCE_JDBC_URL} with {@code _USERNAME} and
 * {@code _PASSWORD}, {@code QUARKUS_REDIS_HOSTS}) when it is set, and from a container started
 * for this test run (see {@link Containers}) when it is not.
 */
record Infrastructure(String kafkaBootstrapServers, String jdbcUrl, String dbUser, String dbPassword,
        String redisHosts, List<AutoCloseable> startedHere) implements AutoCloseable {

    static Infrastructure resolve(Map<String, String> env) {
        Optional<String> kafka = value(env, "KAFKA_BOOTSTRAP_SERVERS");
        Optional<String> jdbc = value(env, "QUARKUS_DATASOURCE_JDBC_URL");
        Optional<String> redis = value(env, "QUARKUS_REDIS_HOSTS");
        if (kafka.isPresent() && jdbc.isPresent() && redis.isPresent()) {
            return new Infrastructure(kafka.get(), jdbc.get(), value(env, "QUARKUS_DATASOURCE_USERNAME").orElse(null),
                    value(env, "QUARKUS_DATASOURCE_PASSWORD").orElse(null), redis.get(), List.of());
        }
        // Only here are Testcontainers classes loaded, so a run against given services never needs Docker.
        return Containers.startMissing(env, kafka, jdbc, redis);
    }

    /** What every service needs to reach the infrastructure, with {@code schema} as its database's tables. */
    Map<String, String> serviceEnvironment(String schema) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(schema));
        if (dbUser != null) {
            env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
        }
        if (dbPassword != null) {
            env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
        }
        env.put("QUARKUS_REDIS_HOSTS", redisHosts);
        return env;
    }

    /** The database's URL with {@code schema} as the current schema: where every unqualified table is. */
    String jdbcUrl(String schema) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String describe() {
        return "Kafka %s, PostgreSQL %s, Redis %s%s".formatted(kafkaBootstrapServers, jdbcUrl, redisHosts,
                startedHere.isEmpty() ? "" : " (" + startedHere.size() + " started as containers)");
    }

    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(startedHere);
        Collections.reverse(reversed);
        for (AutoCloseable container : reversed) {
            try {
                container.close();
            } catch (Exception e) {
                System.err.println("[fleet] cannot stop " + container + ": " + e.getMessage());
            }
        }
    }

    static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
