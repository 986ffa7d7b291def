package dev.conclave.systemtests.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack of {@code deploy/local/stack.sh} that the fleet runs on, when it does
 * ({@code ./conclave test} exports {@code CONCLAVE_HOME} and the {@code CONCLAVE_*_PORT} variables):
 * fault tests stop and start one of its services with {@code stack.sh stop-service|start-service}.
 *
 * <p>stack.sh leaves a service alone when its connection variable is set, as it is for the tests,
 * so it runs with {@code KAFKA_BOOTSTRAP_SERVERS}, {@code QUARKUS_DATASOURCE_*} and
 * {@code QUARKUS_REDIS_HOSTS} removed from its environment, and only after {@code stack.sh env} has shown that the stack's addresses are the very ones the fleet uses (never stop somebody
 * else's PostgreSQL).
 */
public final class LocalStack {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> CONNECTION_VARIABLES = List.of("KAFKA_BOOTSTRAP_SERVERS",
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_REDIS_HOSTS");

    /** A service of the local stack, by the name stack.sh knows it by. */
    public enum Service {
        KAFKA("kafka"), POSTGRES("postgres"), REDIS("redis");

        private final String script;

        Service(String script) {
            this.script = script;
        }

        @Override
        public String toString() {
            return script;
        }
    }

    private final Path script;
    private final Path logs;

    private LocalStack(Path script, Path logs) {
        this.script = script;
        this.logs = logs;
    }

    /**
     * The stack the fleet runs on, or why there is none that the tests may stop: no
     * {@code CONCLAVE_HOME} (e.g. Testcontainers), or a stack whose addresses are not the fleet's.
     */
    static Result<LocalStack> find(Path root, Infrastructure infrastructure, Path logs) {
        if (System.getenv("CONCLAVE_HOME") == null || System.getenv("CONCLAVE_HOME").isBlank()) {
            return Result.failed("CONCLAVE_HOME is not set, so Kafka, PostgreSQL and Redis are not a local stack of"
                    + " deploy/local/stack.sh this test may stop and start (with Testcontainers they are containers);"
                    + " run the system tests through ./conclave test, or with CONCLAVE_HOME and the CONCLAVE_*_PORT"
                    + " variables of the stack you started");
        }
        LocalStack stack = new LocalStack(root.resolve("deploy/local/stack.sh"), logs);
        String env;
        try {
            env = stack.run("env");
        } catch (IllegalStateException e) {
            return Result.failed("deploy/local/stack.sh env failed: " + e.getMessage());
        }
        List<String> expected = List.of(
                "KAFKA_BOOTSTRAP_SERVERS=" + infrastructure.kafkaBootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL=" + infrastructure.jdbcUrl(),
                "QUARKUS_REDIS_HOSTS=" + infrastructure.redisHosts());
        for (String line : expected) {
            if (!env.contains("export " + line + "\n")) {
                return Result.failed("the fleet uses " + line + " but the local stack of CONCLAVE_HOME="
                        + System.getenv("CONCLAVE_HOME") + " says:\n" + env
                        + "so this test must not stop its services; export the CONCLAVE_*_PORT variables of the stack"
                        + " the tests run on");
            }
        }
        return Result.of(stack);
    }

    /** Stops one service as {@code stack.sh stop} would (Kafka keeps its data: a stop, never a reset). */
    public void stop(Service service) {
        run("stop-service", service.toString());
    }

    /** Starts it again and returns once it serves. */
    public void start(Service service) {
        run("start-service", service.toString());
    }

    private String run(String... arguments) {
        try {
            Files.createDirectories(logs);
            Path output = Files.createTempFile(logs, "stack-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command(arguments)).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            CONNECTION_VARIABLES.forEach(env::remove);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("stack.sh " + String.join(" ", arguments) + " did not finish within "
                        + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("stack.sh " + String.join(" ", arguments) + " exited with "
                        + process.exitValue() + ":\n" + text);
            }
            System.out.print(text.lines().filter(line -> line.startsWith("[conclave]"))
                    .map(line -> "[stack] " + line + System.lineSeparator()).reduce("", String::concat));
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    private List<String> command(String... arguments) {
        return Stream.concat(Stream.of(script.toString()), Arrays.stream(arguments)).toList();
    }

    /** A value, or why there is none. */
    record Result<T>(Optional<T> value, String whyNot) {
        static <T> Result<T> of(T value) {
            return new Result<>(Optional.of(value), null);
        }

        static <T> Result<T> failed(String whyNot) {
            return new Result<>(Optional.empty(), whyNot);
        }
    }
}
