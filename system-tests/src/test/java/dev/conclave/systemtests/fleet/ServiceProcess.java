package dev.conclave.systemtests.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Conclave service running as its own {@code java -jar quarkus-run.jar} process on a loopback
 * port, with stdout and stderr in {@code target/fleet-logs/<name>.log}. Fault tests kill it with
 * SIGKILL and start it again ({@link #killHard()}, {@link #restart()}): same port, same
 * environment, the log continued.
 */
final class ServiceProcess {
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    /** Inherited variables that would change what the services do; the fleet sets its own. */
    private static final List<String> NOT_INHERITED_PREFIXES = List.of("CONCLAVE_", "QUARKUS_", "KAFKA_",
            "OPENROUTER_", "OPENAI_");

    private final String name;
    private final int port;
    private final Path log;
    private final ProcessBuilder builder;
    /** Replaced by {@link #restart()}; read by the shutdown hook's thread, hence volatile. */
    private volatile Process process;

    private ServiceProcess(String name, int port, Path log, ProcessBuilder builder, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.builder = builder;
        this.process = process;
    }

    /**
     * Starts the service with exactly the given Conclave/Quarkus environment: whatever such
     * variables the test JVM has (a developer's CONCLAVE_ROLES, an API key) are not passed on.
     */
    static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logs, Path work) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build the services first: "
                    + "./mvnw -q install -DskipTests (or run this module with -am)");
        }
        try {
            Files.createDirectories(logs);
            Path workDir = Files.createDirectories(work.resolve(name));
            Path log = logs.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(javaCommand());
            command.addAll(JVM_OPTIONS);
            // A temporary folder of its own, so a test can see what the service left behind.
            command.add("-Djava.io.tmpdir=" + Files.createDirectories(tmpDir(work, name)));
            command.add("-Dquarkus.http.host=127.0.0.1");
            command.add("-Dquarkus.http.port=" + port);
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet()
                    .removeIf(key -> NOT_INHERITED_PREFIXES.stream().anyMatch(key::startsWith));
            builder.environment().putAll(env);
            Process process = builder.start();
            // A restart appends, so one log tells the whole story of a killed and restarted service.
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new ServiceProcess(name, port, log, builder, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " from " + jar, e);
        }
    }

    /** The service's temporary folder ({@code java.io.tmpdir}) under the fleet's work folder. */
    static Path tmpDir(Path work, String name) {
        return work.resolve(name).resolve("tmp");
    }

    /** The JDK running the tests, so the services run on the same Java. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Waits for {@code /q/health/ready} to answer 200; fails with the tail of the log otherwise. */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(url().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        String lastAnswer = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw startFailure("%s exited with code %d during start-up".formatted(name, process.exitValue()));
            }
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                lastAnswer = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            Pauses.sleep(Duration.ofMillis(500));
        }
        throw startFailure("%s is not ready at %s/q/health/ready after %ds; last answer: %s"
                .formatted(name, url(), timeout.toSeconds(), lastAnswer));
    }

    /** One look at {@code /q/health/ready}. */
    Readiness readiness() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url().resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Readiness(name, answer.statusCode(), answer.body());
        } catch (IOException e) {
            return new Readiness(name, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + name + " whether it is ready", e);
        }
    }

    /** Prints the end of the service's log (the console is where a failed run is read) and says what failed. */
    private IllegalStateException startFailure(String what) {
        System.err.printf("[fleet] %s; the last lines of %s:%n%s%n", what, log, logTail(80));
        return new IllegalStateException(what + " (log " + log + ")");
    }

    /** Asks the service to stop (SIGTERM, so Kafka consumers leave their groups). */
    void requestStop() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits for the stop asked for; kills the process when it takes longer. */
    void awaitStopped(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.printf("[fleet] %s did not stop within %ds; killing it%n", name, grace.toSeconds());
                kill();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * {@code kill -9}: the process gets no chance to commit offsets, leave its consumer groups or
     * finish a transaction (on Unix {@link Process#destroyForcibly()} sends SIGKILL). Returns once
     * it is gone.
     */
    void killHard() {
        Process victim = process;
        kill();
        try {
            if (!victim.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + victim.pid() + ") still runs 10 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /** Starts the service again, as it was started the first time; the process must have ended. */
    void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still runs (pid " + process.pid() + "); kill or stop it first");
        }
        try {
            Files.writeString(log, "%n[fleet] ---- %s restarted at %s ----%n".formatted(name, Instant.now()),
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart " + name, e);
        }
    }

    /** {@link #restart()} with {@code overrides} on top of the first start's environment, for this start only. */
    void restart(Map<String, String> overrides) {
        Map<String, String> environment = builder.environment();
        Map<String, String> first = Map.copyOf(environment);
        environment.putAll(overrides);
        try {
            restart();
        } finally {
            environment.clear();
            environment.putAll(first);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path log() {
        return log;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
