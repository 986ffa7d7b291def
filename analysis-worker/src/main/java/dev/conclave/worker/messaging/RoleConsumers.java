package dev.conclave.worker.messaging;

import dev.conclave.delivery.ConsumerSpec;
import dev.conclave.delivery.Persistently;
import dev.conclave.delivery.SupervisedConsumers;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.llm.prompt.ServedRoles;
import dev.conclave.model.Topics;
import dev.conclave.worker.config.WorkerConfig;
import dev.conclave.worker.persistence.RunStates;
import dev.conclave.worker.service.RoleAnalysis;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts one supervised consumer per configured role at start-up: group {@code analysis-<role>} on
 * {@link Topics#SCAN_REQUESTS}; first refuses to start if a role is not one of the panel or lacks its prompt
 * or schema ({@link ServedRoles}). The runtime ({@link SupervisedConsumers}) stops them at shutdown and
 * reports them in readiness.
 */
@ApplicationScoped
public class RoleConsumers {
    private final WorkerConfig config;
    private final SupervisedConsumers consumers;
    private final RoleAnalysis analysis;
    private final RoleResultPublisher publisher;
    private final RunStates runs;
    private final ProgressReporter progress;
    private final Persistently persistently;
    private final ServedRoles served;

    public RoleConsumers(WorkerConfig config, SupervisedConsumers consumers, RoleAnalysis analysis,
            RoleResultPublisher publisher, RunStates runs, ProgressReporter progress, Persistently persistently,
            ServedRoles served) {
        this.config = config;
        this.consumers = consumers;
        this.analysis = analysis;
        this.publisher = publisher;
        this.runs = runs;
        this.progress = progress;
        this.persistently = persistently;
        this.served = served;
    }

    void start(@Observes StartupEvent event) {
        served.require(config.roles(), "conclave.worker.roles");
        SharedDecodes decodes = new SharedDecodes();
        for (String role : config.roles()) {
            consumers.start(new ConsumerSpec(Topics.analysisGroup(role), Topics.SCAN_REQUESTS,
                    new RoleRequestHandler(role, decodes, analysis, publisher, runs, progress, persistently),
                    config.concurrency(), config.maxPollInterval()));
        }
    }
}
