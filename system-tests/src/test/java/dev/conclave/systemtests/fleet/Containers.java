package dev.conclave.systemtests.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts, with Testcontainers, whichever of Kafka, PostgreSQL and Redis the environment does not
 * name. The services run on the host, so they get the containers' host-mapped addresses. Images
 * match the local stack of {@code deploy/local}: Kafka 4.1.2 (KRaft), PostgreSQL 15, Redis 7.
 */
final class Containers {
    private static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.1.2");
    private static final DockerImageName POSTGRES = DockerImageName.parse("postgres:15-alpine");
    private static final DockerImageName REDIS = DockerImageName.parse("redis:7");
    private static final int REDIS_PORT = 6379;

    static Infrastructure startMissing(Map<String, String> env, Optional<String> kafka, Optional<String> jdbc,
            Optional<String> redis) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("""
                    The system tests need Kafka, PostgreSQL and Redis. Either set KAFKA_BOOTSTRAP_SERVERS, \
                    QUARKUS_DATASOURCE_JDBC_URL (+ _USERNAME, _PASSWORD) and QUARKUS_REDIS_HOSTS, e.g. with \
                    eval "$(deploy/local/stack.sh env)" after deploy/local/stack.sh start, or make Docker \
                    available so they run in containers. Missing: %s. Skip these tests with -DskipITs."""
                    .formatted(missing(kafka, jdbc, redis)));
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            String bootstrap = kafka.orElseGet(() -> {
                KafkaContainer container = new KafkaContainer(KAFKA);
                started.add(container);
                container.start();
                return container.getBootstrapServers();
            });
            String jdbcUrl;
            String user;
            String password;
            if (jdbc.isPresent()) {
                jdbcUrl = jdbc.get();
                user = Infrastructure.value(env, "QUARKUS_DATASOURCE_USERNAME").orElse(null);
                password = Infrastructure.value(env, "QUARKUS_DATASOURCE_PASSWORD").orElse(null);
            } else {
                PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES)
                        .withDatabaseName("conclave").withUsername("conclave").withPassword("conclave");
                started.add(container);
                container.start();
                jdbcUrl = container.getJdbcUrl();
                user = container.getUsername();
                password = container.getPassword();
            }
            String redisHosts = redis.orElseGet(() -> {
                GenericContainer<?> container = new GenericContainer<>(REDIS)
                        .withExposedPorts(REDIS_PORT)
                        .waitingFor(Wait.forListeningPort());
                started.add(container);
                container.start();
                return "redis://" + container.getHost() + ":" + container.getMappedPort(REDIS_PORT);
            });
            return new Infrastructure(bootstrap, jdbcUrl, user, password, redisHosts, List.copyOf(started));
        } catch (RuntimeException e) {
            new Infrastructure(null, null, null, null, null, List.copyOf(started)).close();
            throw e;
        }
    }

    private static String missing(Optional<String> kafka, Optional<String> jdbc, Optional<String> redis) {
        List<String> names = new ArrayList<>();
        if (kafka.isEmpty()) {
            names.add("KAFKA_BOOTSTRAP_SERVERS");
        }
        if (jdbc.isEmpty()) {
            names.add("QUARKUS_DATASOURCE_JDBC_URL");
        }
        if (redis.isEmpty()) {
            names.add("QUARKUS_REDIS_HOSTS");
        }
        return String.join(", ", names);
    }

    private Containers() {
    }
}
