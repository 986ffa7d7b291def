package dev.conclave.worker.messaging;

import dev.conclave.delivery.Persistently;
import dev.conclave.delivery.RecordHandler;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.worker.persistence.RunStates;
import dev.conclave.worker.service.RoleAnalysis;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * What the consumer of one role does with one scan request: decode and validate it (an invalid one
 * is dead-lettered by the runtime), ignore it unless it names this role, skip it without a model
 * call when its run is cancelled, closed or superseded, else analyse and publish the result (none when
 * the run's cancel stopped the analysis). The run check and
 * the publish are steps of their own under {@link Persistently}: a database or broker outage waits
 * there, and a failed publish is retried without calling the model again.
 */
final class RoleRequestHandler implements RecordHandler {
    private static final Logger LOG = Logger.getLogger(RoleRequestHandler.class);

    private final String role;
    private final SharedDecodes decodes;
    private final RoleAnalysis analysis;
    private final RoleResultPublisher publisher;
    private final RunStates runs;
    private final ProgressReporter progress;
    private final Persistently persistently;

    RoleRequestHandler(String role, SharedDecodes decodes, RoleAnalysis analysis, RoleResultPublisher publisher,
            RunStates runs, ProgressReporter progress, Persistently persistently) {
        this.role = role;
        this.decodes = decodes;
        this.analysis = analysis;
        this.publisher = publisher;
        this.runs = runs;
        this.progress = progress;
        this.persistently = persistently;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        ScanRequest request = decodes.decode(record);
        if (!request.roles().contains(role)) {
            return;
        }
        String scan = "scan " + request.scanId() + " run " + request.run();
        Optional<String> notNeeded = persistently.call("reading whether " + scan + " is still open",
                () -> runs.whyNotNeeded(request.scanId(), request.run()));
        if (notNeeded.isPresent()) {
            LOG.infof("role %s skips %s: %s", role, scan, notNeeded.get());
            progress.report(request.scanId(), request.run(), role, ProgressStage.SKIPPED, null, notNeeded.get());
            return;
        }
        Optional<RoleResult> analysed = analysis.analyse(request, role);
        if (analysed.isEmpty()) {
            return;
        }
        RoleResult result = analysed.get();
        persistently.call("publishing the " + role + " result of " + scan, () -> {
            publisher.publish(result);
            return null;
        });
    }
}
