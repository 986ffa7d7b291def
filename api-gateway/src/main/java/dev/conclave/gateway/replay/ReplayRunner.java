package dev.conclave.gateway.replay;

import dev.conclave.gateway.config.ReplayConfig;
import dev.conclave.gateway.persistence.ReplayJobEntity;
import dev.conclave.gateway.replay.ReplayJobs.Item;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.gateway.service.RunService;
import dev.conclave.gateway.service.RunSpec;
import dev.conclave.gateway.service.ScanNotFoundException;
import dev.conclave.model.ReplayShare;
import dev.conclave.model.RunOrigin;
import dev.conclave.model.WireJson;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Drives replay jobs, on every gateway instance: each round it claims the active jobs no live
 * instance holds (a lease in the job's row, renewed every round, so a killed instance's jobs are
 * taken over once its lease runs out), selects a new job's items, and starts runs for pending items
 * while fewer than the job's {@code maxInFlight} runs are open. A Kafka partition is FIFO: the window
 * keeps live scans from queueing behind thousands of replay requests.
 *
 * <p>A run is started through {@link RunService#start} with the idempotency key
 * {@code replay:<job>:<source run>}: an instance killed between starting a run and recording it on the
 * item leaves the next holder to get the same run back, never a second one.
 */
@ApplicationScoped
public class ReplayRunner {
    private static final Logger LOG = Logger.getLogger(ReplayRunner.class);

    private final ReplayJobs jobs;
    private final RunService runs;
    private final TopicReplay topics;
    private final ReplayConfig config;
    private final String instance;

    public ReplayRunner(ReplayJobs jobs, RunService runs, TopicReplay topics, ReplayConfig config) {
        this.jobs = jobs;
        this.runs = runs;
        this.topics = topics;
        this.config = config;
        this.instance = "gateway-" + host() + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This instance's name in {@code replay_job.claimed_by}. */
    public String instance() {
        return instance;
    }

    @Scheduled(every = "${conclave.replay.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void round() {
        if (!config.runnerEnabled()) {
            return;
        }
        List<UUID> claimed;
        try {
            claimed = jobs.claim(instance, config.lease());
        } catch (RuntimeException e) {
            LOG.warnf("replay runner could not claim jobs, tried again next round: %s", e.getMessage());
            return;
        }
        for (UUID id : claimed) {
            try {
                drive(id);
            } catch (RuntimeException e) {
                // The database or the broker refused: nothing half-done stays wrong (starts are idempotent), the next round goes on.
                LOG.warnf("replay job %s: round failed, tried again next round: %s", id, e.getMessage());
                try {
                    jobs.noteError(id, e.getMessage());
                } catch (RuntimeException ignored) {
                    // the same outage; the log line above says it
                }
            }
        }
    }

    /** One round of one job this instance holds. */
    void drive(UUID id) {
        Optional<ReplayJobEntity> found = jobs.find(id);
        if (found.isEmpty()) {
            return;
        }
        ReplayJobEntity job = found.get();
        if (JobStatus.valueOf(job.status) == JobStatus.SELECTING) {
            select(job);
        }
        ReplayProgress progress = jobs.progress(id);
        int free = job.maxInFlight - progress.open();
        if (free > 0 && progress.pending() > 0) {
            ReplayShare share = new ReplayShare(id, job.share);
            for (Item item : jobs.pending(id, free)) {
                if (!jobs.holds(id, instance, config.lease())) {
                    break; // paused, cancelled or taken over meanwhile
                }
                start(job, share, item);
            }
        }
        jobs.refresh(id);
    }

    private void select(ReplayJobEntity job) {
        if ("TOPIC".equals(job.kind)) {
            ReplayOrder.TopicRange range = WireJson.mapper().convertValue(job.selection, ReplayOrder.TopicRange.class);
            TopicReplay.Selection read;
            try {
                read = topics.select(job.id, range.topic(), range.from(), range.to());
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                jobs.fail(job.id, "the topic replay's selection cannot be made: " + e.getMessage());
                return;
            }
            jobs.selectedFromTopic(job.id, read.runsSelected());
            LOG.infof("replay job %s: read %d records of %s, %d runs selected, %d records skipped", job.id,
                    read.recordsRead(), range.topic(), read.runsSelected(), read.recordsSkipped());
        } else {
            int items = jobs.selectBulk(job.id);
            LOG.infof("replay job %s: %d scans selected", job.id, items);
        }
    }

    private void start(ReplayJobEntity job, ReplayShare share, Item item) {
        RunSpec spec = item.resynthesis()
                ? RunSpec.resynthesis(item.sourceRun(), RunOrigin.TOPIC_REPLAY, share, job.requestedBy)
                : new RunSpec(job.roles, null, job.bypassCache, Map.of(),
                        "TOPIC".equals(job.kind) ? RunOrigin.TOPIC_REPLAY : RunOrigin.REPLAY, share, job.requestedBy);
        try {
            RunService.Accepted accepted = runs.start(item.scanId(), spec,
                    Optional.of("replay:" + job.id + ":" + item.sourceRun()));
            jobs.started(job.id, item, accepted.run());
            if (accepted.repeated()) {
                LOG.infof("replay job %s: scan %s run %d was already started (by an earlier round or instance), "
                        + "recorded", job.id, item.scanId(), accepted.run());
            }
        } catch (ScanNotFoundException | InvalidScanException e) {
            jobs.skipped(job.id, item, e.getMessage());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
