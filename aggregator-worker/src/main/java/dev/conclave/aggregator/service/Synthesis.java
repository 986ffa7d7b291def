package dev.conclave.aggregator.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.aggregator.config.AggregationConfig;
import dev.conclave.aggregator.persistence.RoleResultEntity;
import dev.conclave.aggregator.service.FanIn.Claim;
import dev.conclave.delivery.Persistently;
import dev.conclave.llm.AnalysisAnswer;
import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.FailureReason;
import dev.conclave.llm.ModelCaller;
import dev.conclave.llm.cancel.RunCancelledException;
import dev.conclave.llm.metrics.CallMetrics;
import dev.conclave.llm.metrics.RunTotals;
import dev.conclave.llm.prompt.ServedRoles;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.PanelRoles;
import dev.conclave.model.ReportMetadata;
import dev.conclave.model.RoleOutcome;
import dev.conclave.model.ScanReport;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.WireJson;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Turns a claimed run into its outcome: the aggregator model's synthesis of the roles that
 * succeeded, the static scores, and metadata added up from the run's metrics rows. Every role
 * arrived and succeeded: COMPLETED; some missing or failed (or the synthesis failed): PARTIAL,
 * naming them; none succeeded: FAILED. A run cancelled before its claim is not synthesised, one
 * cancelled during its synthesis has the call aborted: both are CANCELLED, the report keeping the
 * analyses that arrived before the cancel and the cost of what was called.
 */
@ApplicationScoped
public class Synthesis {
    private static final Logger LOG = Logger.getLogger(Synthesis.class);
    static final String AGGREGATOR_ROLE = PanelRoles.SYNTHESIS;
    private static final String CANCELLED = "the run was cancelled";
    private static final String OFFLINE_NOTICE = "Simulated analysis: no model API key is configured, so the offline"
            + " provider answered from the project's facts. Set OPENROUTER_API_KEY for real models.";

    private final ModelCaller models;
    private final CallMetrics metrics;
    private final Persistently persistently;
    private final String revision;

    public Synthesis(ModelCaller models, CallMetrics metrics, Persistently persistently, AggregationConfig config) {
        this.models = models;
        this.metrics = metrics;
        this.persistently = persistently;
        this.revision = config.synthesisRevision();
    }

    /** The synthesis is a role like the specialists: without its prompt or schema the aggregator does not start. */
    void requireItsRole(@Observes StartupEvent event, ServedRoles served) {
        served.require(List.of(AGGREGATOR_ROLE), "the aggregator's synthesis");
    }

    public RunOutcome synthesise(Claim claim) {
        ScanRequest request = claim.request();
        Map<String, JsonNode> panel = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        List<String> missing = new ArrayList<>(claim.expectedRoles());
        boolean offline = false;
        for (RoleResultEntity result : claim.results()) {
            missing.remove(result.role);
            if (RoleOutcome.SUCCEEDED.name().equals(result.outcome)) {
                panel.put(result.role, result.analysis);
                offline |= result.offline;
            } else {
                failed.add(result.role + ": " + result.failureReason);
            }
        }
        AggregatedInsights insights = null;
        String failure = null;
        boolean cancelled = claim.cancel() != null;
        if (cancelled) {
            failure = CANCELLED;
        } else if (panel.isEmpty()) {
            failure = missing.isEmpty() ? "every role failed" : "no role answered by the deadline";
        } else {
            try {
                AnalysisAnswer answer = models.analyse(new AnalysisTask(request.scanId(), request.run(), AGGREGATOR_ROLE,
                        request.digest(), panel, request.bypassCache(), null, request.replay(), request.tenant()));
                insights = WireJson.mapper().treeToValue(answer.analysis(), AggregatedInsights.class);
                offline |= answer.offline();
            } catch (RunCancelledException e) {
                LOG.infof("synthesis of scan %s run %d stopped: %s", request.scanId(), request.run(), e.getMessage());
                cancelled = true;
                failure = CANCELLED;
            } catch (Persistently.InterruptedStepException e) {
                throw e; // shutting down: the run is given back, not closed as failed
            } catch (Exception e) {
                // The model client already retried and fell back; what reaches here ends the synthesis for this run.
                FailureReason shown = FailureReason.of(e);
                if (shown.errorId() == null) {
                    LOG.warnf("synthesis of scan %s run %d failed: %s", request.scanId(), request.run(), shown.text());
                } else {
                    LOG.errorf(e, "synthesis of scan %s run %d failed, error id %s", request.scanId(), request.run(),
                            shown.errorId());
                }
                failure = "synthesis failed: " + shown.text();
            }
        }
        ScanStatus status = cancelled ? ScanStatus.CANCELLED
                : panel.isEmpty() ? ScanStatus.FAILED
                : missing.isEmpty() && failed.isEmpty() && insights != null ? ScanStatus.COMPLETED
                : ScanStatus.PARTIAL;
        Instant completedAt = Instant.now();
        // After the synthesis was paid for: wait for PostgreSQL rather than throw the answer away.
        RunTotals totals = persistently.call("adding up the model calls of scan " + request.scanId() + " run " + request.run(),
                () -> metrics.totals(request.scanId(), request.run()));
        List<String> failedRoles = failed.stream().map(f -> f.substring(0, f.indexOf(':'))).toList();
        ReportMetadata metadata = new ReportMetadata(totals.modelsUsed(),
                Duration.between(request.requestedAt(), completedAt).toMillis() / 1000.0, totals.cacheHits(),
                totals.apiCalls(), totals.tokens(), totals.costUsd(), totals.simulated() || offline, totals.roles(),
                revision);
        ScanReport report = new ScanReport(SchemaVersions.REPORT, request.scanId(), request.run(),
                request.projectName(), status, cancelled ? cancelledNotice(metadata.offline(), claim.cancel())
                        : notice(metadata.offline(), missing, failed, failure),
                request.digest().scores(), panel, insights, List.copyOf(missing), failedRoles, metadata);
        return new RunOutcome(status, report, List.copyOf(missing), failedRoles, failure, completedAt);
    }

    private static String cancelledNotice(boolean offline, FanIn.Cancel cancel) {
        String who = cancel == null ? "" : " at " + cancel.requestedAt()
                + (cancel.requestedBy() == null ? "" : " by " + cancel.requestedBy());
        return (offline ? OFFLINE_NOTICE + " " : "") + "Cancelled" + who + " before it finished: no synthesis; the"
                + " analyses that arrived before the cancel are kept, the cost is what was called until then.";
    }

    private static String notice(boolean offline, List<String> missing, List<String> failed, String failure) {
        List<String> parts = new ArrayList<>();
        if (offline) {
            parts.add(OFFLINE_NOTICE);
        }
        if (!missing.isEmpty()) {
            parts.add("Partial: no answer by the deadline from " + String.join(", ", missing) + ".");
        }
        if (!failed.isEmpty()) {
            parts.add("Failed roles: " + String.join("; ", failed) + ".");
        }
        if (failure != null && !parts.contains(failure)) {
            parts.add(failure.substring(0, 1).toUpperCase() + failure.substring(1) + ".");
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }
}
