package dev.conclave.worker.messaging;

import dev.conclave.model.Topics;
import dev.conclave.worker.config.WorkerConfig;
import dev.conclave.worker.service.RoleAnalysis;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Starts one {@link RoleConsumer} per configured role at start-up and stops them at shutdown. */
@ApplicationScoped
public class RoleConsumers {
    private static final Logger LOG = Logger.getLogger(RoleConsumers.class);

    private final WorkerConfig config;
    private final KafkaClients clients;
    private final RoleAnalysis analysis;
    private final RoleResultPublisher publisher;
    private final List<RoleConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public RoleConsumers(WorkerConfig config, KafkaClients clients, RoleAnalysis analysis,
            RoleResultPublisher publisher) {
        this.config = config;
        this.clients = clients;
        this.analysis = analysis;
        this.publisher = publisher;
    }

    void start(@Observes StartupEvent event) {
        for (String role : config.roles()) {
            RoleConsumer consumer = new RoleConsumer(role,
                    clients.consumer(Topics.analysisGroup(role), config.concurrency(), config.maxPollInterval().toMillis()),
                    analysis, publisher, config.concurrency());
            consumers.add(consumer);
            threads.add(Thread.ofVirtual().name("role-" + role).start(consumer));
        }
        LOG.infof("serving roles %s with %d calls in flight per role", config.roles(), config.concurrency());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        consumers.forEach(RoleConsumer::stop);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    /** The roles whose consumer loop is no longer running. */
    public List<String> stoppedRoles() {
        return consumers.stream().filter(c -> !c.isPolling()).map(RoleConsumer::role).toList();
    }

    /** Per role, the records being analysed now, e.g. {@code architect=12,business=3}. */
    public String inFlight() {
        return consumers.stream().map(c -> c.role() + "=" + c.inFlight()).collect(java.util.stream.Collectors.joining(","));
    }

    public List<String> roles() {
        return config.roles();
    }
}
