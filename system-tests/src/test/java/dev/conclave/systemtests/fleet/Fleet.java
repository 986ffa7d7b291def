package dev.conclave.systemtests.fleet;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Assumptions;

/**
 * The Conclave fleet under test: the packaged services as separate processes, wired to one
 * Kafka, PostgreSQL and Redis ({@link Infrastructure}).
 *
 * <ul>
 *   <li>api-gateway, which may accept the roles architect, deployment, business and security
 *       (no worker serves security, so a scan asking for it ends PARTIAL);</li>
 *   <li>aggregator-worker;</li>
 *   <li>the analysis-workers of its {@link FleetSpec}: the offline panel (models are the offline
 *       simulator with 20 ms latency: no network, no API key), or three workers calling a
 *       {@link FakeOpenRouter} under one fleet-wide rate limit.</li>
 * </ul>
 */
public final class Fleet implements AutoCloseable {
    public static final String WORKER_A = "worker-a";
    public static final String WORKER_B = "worker-b";
    /** Process names, for {@link #kill9(String)}, {@link #restart(String)} and {@link #readiness(String)}. */
    public static final String GATEWAY_PROCESS = "api-gateway";
    public static final String AGGREGATOR_PROCESS = "aggregator-worker";
    public static final String WORKER_A_PROCESS = "analysis-worker-a";
    public static final List<String> KNOWN_ROLES = List.of("architect", "deployment", "business", "security");

    /** The gateway reads it as conclave.topics.partitions; the local stack's broker defaults follow it too. */
    private static final String PARTITIONS_ENV = "CONCLAVE_TOPICS_PARTITIONS";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration GROUPS_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Infrastructure infrastructure;
    private final List<ServiceProcess> services;
    private final Thread killOnExit;
    private final Broker broker;
    private final Database database;
    private final ScanApi api;
    private final FleetSpec spec;
    private final Path root;
    private final Path logs;
    private final Path work;
    private final BootstrapKey key;

    private FakeOpenRouter openRouter;
    private LocalStack.Result<LocalStack> localStack;

    private Fleet(Infrastructure infrastructure, Database database, List<ServiceProcess> services, Thread killOnExit,
            Broker broker, FleetSpec spec, Path root, Path logs, Path work, BootstrapKey key) {
        this.infrastructure = infrastructure;
        this.services = services;
        this.killOnExit = killOnExit;
        this.broker = broker;
        this.spec = spec;
        this.root = root;
        this.logs = logs;
        this.work = work;
        this.key = key;
        this.database = database;
        this.api = new ScanApi(services.stream().filter(service -> service.name().equals(GATEWAY_PROCESS)).findFirst()
                .orElseThrow().url(), key);
    }

    /** Starts infrastructure (if not given), the aggregator and both workers, then the gateway; returns once all consume. */
    static Fleet launch() {
        return launch(FleetSpec.offlinePanel());
    }

    /**
     * Starts the infrastructure (if not given), then on an empty schema of its own the aggregator and the spec's
     * workers together, then the gateway last: no service waits for another's tables (each runs every table
     * owner's Flyway history at start, here several at once), and no start order is needed.
     */
    static Fleet launch(FleetSpec spec) {
        Path root = Path.of(System.getProperty("conclave.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("conclave.fleet.logs", "target/fleet-logs")).toAbsolutePath();
        Path work = Path.of(System.getProperty("conclave.fleet.work", "target/fleet")).toAbsolutePath();
        Instant started = Instant.now();
        Infrastructure infrastructure = Infrastructure.resolve(System.getenv());
        log("infrastructure: " + infrastructure.describe());

        List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());
        Thread killOnExit = new Thread(() -> services.forEach(ServiceProcess::kill), "fleet-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        Broker broker = null;
        try {
            String schema = "fleet_" + System.currentTimeMillis();
            Database database = Database.emptySchema(infrastructure, schema);
            log("database schema " + schema + " (empty)");
            Map<String, String> common = new LinkedHashMap<>(infrastructure.serviceEnvironment(schema));
            common.putAll(spec.env());
            // The panel: the gateway accepts these roles and the aggregator opens runs for them (it dead-letters
            // others). A scan naming none gets the three the workers serve; security is served by none.
            common.put("CONCLAVE_ROLES_PANEL", String.join(",", KNOWN_ROLES));
            common.put("CONCLAVE_SCAN_DEFAULT_ROLES", String.join(",", KNOWN_ROLES.subList(0, 3)));

            // The workers and the aggregator first, all at once, on the empty schema; the gateway, which creates
            // the topics (the broker auto-creates them alike before: topicPartitions()), last. It admits the fleet's
            // own admin key, new for every launch, which every client of the tests sends.
            start(services, root, logs, work, AGGREGATOR_PROCESS, "aggregator-worker",
                    with(common, "CONCLAVE_LLM_INSTANCE", "aggregator"));
            for (FleetSpec.Worker worker : spec.workers()) {
                start(services, root, logs, work, worker.name(), "analysis-worker", with(with(common, "CONCLAVE_ROLES",
                        String.join(",", worker.roles())), "CONCLAVE_LLM_INSTANCE", worker.instance()));
            }
            for (ServiceProcess service : List.copyOf(services)) {
                service.awaitReady(READY_TIMEOUT);
            }
            BootstrapKey key = BootstrapKey.create(work);
            // Every scan of a system test comes from that one key, so the gateway's per-key limits would throttle the
            // test, not the system; they are tested in api-gateway.
            Map<String, String> gatewayEnv = new LinkedHashMap<>(with(common, BootstrapKey.FILE_ENV, key.file().toString()));
            gatewayEnv.put(PARTITIONS_ENV, String.valueOf(topicPartitions(root)));
            gatewayEnv.put("CONCLAVE_LIMITS_SUBMISSIONS_PER_MINUTE", "1000000");
            gatewayEnv.put("CONCLAVE_LIMITS_SUBMISSION_BURST", "1000000");
            gatewayEnv.put("CONCLAVE_LIMITS_UPLOADS_PER_KEY", "64");
            gatewayEnv.put("CONCLAVE_LIMITS_UPLOADS_PER_INSTANCE", "64");
            gatewayEnv.put("CONCLAVE_LIMITS_FOLLOWERS_PER_KEY", "200");
            start(services, root, logs, work, GATEWAY_PROCESS, "api-gateway", gatewayEnv).awaitReady(READY_TIMEOUT);
            broker = new Broker(infrastructure.kafkaBootstrapServers());
            awaitStableGroups(broker, spec.groupMembers());
            log("fleet ready in %d s; logs in %s".formatted(Duration.between(started, Instant.now()).toSeconds(), logs));
            return new Fleet(infrastructure, database, List.copyOf(services), killOnExit, broker, spec, root, logs, work,
                    key);
        } catch (RuntimeException | Error e) {
            // Stopped, not killed, so their consumers leave the groups and do not haunt the next run.
            services.forEach(ServiceProcess::requestStop);
            services.forEach(service -> service.awaitStopped(STOP_GRACE));
            if (broker != null) {
                broker.close();
            }
            infrastructure.close();
            removeHook(killOnExit);
            throw e;
        }
    }

    /** A fleet whose workers call a {@link FakeOpenRouter} that serves at most {@code requestsPerSecond}. */
    static Fleet launchWithFakeOpenRouter(int requestsPerSecond) {
        FakeOpenRouter openRouter = new FakeOpenRouter();
        try {
            Fleet fleet = launch(FleetSpec.openRouterPanel(openRouter.baseUrl(), FakeOpenRouter.KEY, requestsPerSecond));
            fleet.openRouter = openRouter;
            return fleet;
        } catch (RuntimeException | Error e) {
            openRouter.close();
            throw e;
        }
    }

    /** Where every service's log is ({@code <process name>.log}), for tests that read what was logged. */
    public Path logFolder() {
        return logs;
    }

    /** The fake provider the workers call; only a fleet launched with one has it. */
    public FakeOpenRouter openRouter() {
        if (openRouter == null) {
            throw new IllegalStateException("this fleet runs the offline panel; annotate the test"
                    + " @SystemTest(panel = Panel.OPENROUTER) for one that calls a fake OpenRouter");
        }
        return openRouter;
    }

    public ScanApi scanApi() {
        return api;
    }

    public URI gatewayUrl() {
        return api.baseUrl();
    }

    /** The admin key the fleet's gateways admit: for a test's own requests, or as {@code CONCLAVE_API_KEY} of a CLI. */
    public BootstrapKey apiKey() {
        return key;
    }

    public Database database() {
        return database;
    }

    /** The temporary folder ({@code java.io.tmpdir}) of one of the fleet's processes. */
    public Path tmpDir(String service) {
        return ServiceProcess.tmpDir(work, service(service).name());
    }

    public Broker broker() {
        return broker;
    }

    /** The partitions of every topic: what the gateway creates them with and the local stack's broker defaults. */
    public int topicPartitions() {
        return topicPartitions(root);
    }

    /**
     * {@code CONCLAVE_TOPICS_PARTITIONS} when set (deploy/local's scripts export it), else the gateway's own
     * {@code conclave.topics.partitions}, read from its application.properties: the one place the count is set.
     */
    private static int topicPartitions(Path root) {
        String given = System.getenv(PARTITIONS_ENV);
        if (given != null && !given.isBlank()) {
            return Integer.parseInt(given.strip());
        }
        Path file = root.resolve("api-gateway/src/main/resources/application.properties");
        Properties gateway = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            gateway.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway's partition count from " + file, e);
        }
        return Integer.parseInt(gateway.getProperty("conclave.topics.partitions").strip());
    }

    /**
     * The local stack the fleet runs on, to stop and start its Kafka, PostgreSQL or Redis. Skips the
     * calling test (a JUnit assumption, with the reason) when there is none it may touch: the
     * infrastructure runs in containers, or the stack of {@code CONCLAVE_HOME} is not the fleet's.
     */
    public synchronized LocalStack localStack() {
        if (localStack == null) {
            localStack = LocalStack.find(root, infrastructure, logs);
        }
        Assumptions.assumeTrue(localStack.value().isPresent(), localStack.whyNot());
        return localStack.value().orElseThrow();
    }

    /** One look at the service's {@code /q/health/ready}. */
    public Readiness readiness(String service) {
        return service(service).readiness();
    }

    /** The fleet's process names, in start order (the gateway last). */
    public List<String> processNames() {
        return services.stream().map(ServiceProcess::name).toList();
    }

    /**
     * {@code kill -9} of one service; returns once it is gone, with that instant (nothing it writes
     * can be later: progress after it is somebody else's, or its successor's).
     */
    public Instant kill9(String service) {
        service(service).killHard();
        Instant gone = Instant.now();
        log("%s killed with SIGKILL".formatted(service));
        return gone;
    }

    /** Stops one service as an operator would (SIGTERM: its consumers leave their groups); {@link #restart} starts it again. */
    public void stop(String service) {
        ServiceProcess process = service(service);
        process.requestStop();
        process.awaitStopped(STOP_GRACE);
        log("%s stopped".formatted(service));
    }

    /** Starts a killed service again and returns once it is ready, with how long that took. */
    public Duration restart(String service) {
        ServiceProcess process = service(service);
        Instant started = Instant.now();
        process.restart();
        process.awaitReady(READY_TIMEOUT);
        Duration took = Duration.between(started, Instant.now());
        log("%s restarted, ready after %d ms".formatted(service, took.toMillis()));
        return took;
    }

    /**
     * Stops a service the way an operator deploys a change (SIGTERM, so its consumers leave their groups),
     * then starts it with {@code changes} on top of its first start's environment (for this start only;
     * empty: as it was first started) and returns once it is ready and every group has settled again.
     */
    public void redeploy(String service, Map<String, String> changes) {
        ServiceProcess process = service(service);
        process.requestStop();
        process.awaitStopped(STOP_GRACE);
        process.restart(changes);
        process.awaitReady(READY_TIMEOUT);
        awaitStableGroups();
        log("%s redeployed with %s".formatted(service, changes));
    }

    /** Starts the service again if it is not running (a fault test that failed between its kill and its restart). */
    public void ensureRunning(String service) {
        if (!service(service).alive()) {
            restart(service);
        }
    }

    /**
     * Waits until every consumer group has its members and a settled assignment again (after a kill
     * the dead member stays in its groups until its session times out), so the next test starts on
     * the fleet as it was.
     */
    public void awaitStableGroups() {
        awaitStableGroups(broker, spec.groupMembers());
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in the fleet; it runs "
                        + processNames()));
    }

    private static ServiceProcess start(List<ServiceProcess> services, Path root, Path logs, Path work, String name,
            String module, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(name, root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"),
                freePort(), env, logs, work);
        services.add(service);
        log("%s: pid %d on %s, log %s".formatted(name, service.pid(), service.url(), service.log()));
        return service;
    }

    /**
     * Waits until every group has its members and a settled assignment, so no test races a
     * rebalance (members of a previous run that were killed rather than stopped linger until
     * their session times out).
     */
    private static void awaitStableGroups(Broker broker, List<Map.Entry<String, Integer>> groupMembers) {
        Instant deadline = Instant.now().plus(GROUPS_TIMEOUT);
        Map<String, String> last = new LinkedHashMap<>();
        while (true) {
            boolean settled = true;
            for (Map.Entry<String, Integer> group : groupMembers) {
                ConsumerGroupDescription description = broker.describeGroup(group.getKey());
                last.put(group.getKey(), description.groupState() + " with " + description.members().size() + " members");
                settled &= description.groupState() == GroupState.STABLE
                        && description.members().size() == group.getValue();
            }
            if (settled) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("consumer groups did not settle within %d s; expected members %s, last seen %s"
                        .formatted(GROUPS_TIMEOUT.toSeconds(), groupMembers, last));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Stops the services (SIGTERM, then SIGKILL after 30 s), then any containers started for the run. */
    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::requestStop);
        reversed.forEach(service -> service.awaitStopped(STOP_GRACE));
        broker.close();
        infrastructure.close();
        if (openRouter != null) {
            openRouter.close();
        }
        removeHook(killOnExit);
        log("fleet stopped: " + services.stream().map(ServiceProcess::name).collect(Collectors.joining(", ")));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs anyway.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(key, value);
        return copy;
    }

    private static void log(String message) {
        System.out.println("[fleet] " + message);
    }
}
