package dev.conclave.gateway.rest;

import dev.conclave.gateway.config.ReplayConfig;
import dev.conclave.gateway.config.ScanRoles;
import dev.conclave.gateway.messaging.RunCancelAnnouncer;
import dev.conclave.gateway.persistence.ReplayJobEntity;
import dev.conclave.gateway.replay.JobStatus;
import dev.conclave.gateway.replay.ReplayEstimate;
import dev.conclave.gateway.replay.ReplayEstimator;
import dev.conclave.gateway.replay.ReplayJobs;
import dev.conclave.gateway.replay.ReplayOrder;
import dev.conclave.gateway.security.ApiRole;
import dev.conclave.gateway.security.CurrentCaller;
import dev.conclave.gateway.intake.BoundedBody;
import dev.conclave.gateway.limits.RequestLimits;
import dev.conclave.gateway.service.InvalidScanException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Replay jobs: a dry run, a job started, listed, shown, paused, resumed, cancelled. */
@Path("/api/v1/replays")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiRole.ADMIN_ROLE)
public class ReplayResource {
    private static final Logger LOG = Logger.getLogger(ReplayResource.class);

    private final ReplayJobs jobs;
    private final RunCancelAnnouncer announcer;
    private final ReplayEstimator estimator;
    private final ReplayOrderParser parser;
    private final CurrentCaller caller;
    private final RequestLimits limits;

    public ReplayResource(ReplayJobs jobs, RunCancelAnnouncer announcer, ReplayEstimator estimator, ReplayConfig config,
            ScanRoles roles, CurrentCaller caller, RequestLimits limits) {
        this.caller = caller;
        this.limits = limits;
        this.announcer = announcer;
        this.jobs = jobs;
        this.estimator = estimator;
        this.parser = new ReplayOrderParser(config, roles.panel().names());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay scans, or dry-run it", description = "Body: {filter: {since, until, status, failedRole, "
            + "namePattern, model, limit}, share, bypassCache, roles, maxInFlight, dryRun} for a bulk replay (a new run "
            + "of each selected scan), or {topic: scan.results|scan.requests, from, to, share, maxInFlight} for a topic "
            + "replay. dryRun answers 200 with the estimate and starts nothing; otherwise 202 with the job. A job "
            + "selects only the scans of the caller's tenant.")
    public Response start(InputStream body) {
        ReplayOrderParser.Parsed parsed = parser.parse(
                BoundedBody.readText(body, limits.maxControlBodyBytes(), "conclave.limits.max-control-body-bytes"),
                caller.audit(), caller.get().tenant());
        ReplayOrder order = parsed.order();
        return guarded("nothing was started", () -> {
            ReplayEstimate estimate = order.filter() == null ? null
                    : estimator.estimate(order.filter(), order.roles(), order.bypassCache());
            if (parsed.dryRun()) {
                return Response.ok(estimate).build();
            }
            ReplayJobEntity job = jobs.create(order, estimate);
            ReplayJobView view = ReplayJobView.of(job, null);
            return Response.accepted(view).location(URI.create(view.statusUrl())).build();
        });
    }

    @GET
    @Operation(summary = "Replay jobs, newest first, optionally of one status")
    public List<ReplayJobView> list(@QueryParam("status") String status,
            @Parameter(description = "How many (default 50): 1 to conclave.limits.max-page-size, 500 unless configured; 400 beyond")
            @QueryParam("limit") @DefaultValue("50") int limit) {
        limits.pageSize(limit);
        Optional<JobStatus> wanted = Optional.ofNullable(status).filter(s -> !s.isBlank()).map(ReplayResource::status);
        return guarded("nothing was read", () -> jobs.recent(caller.get().tenant(), wanted, limit).stream()
                .map(ReplayJobView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One replay job with its counts now")
    public ReplayJobView get(@PathParam("id") String id) {
        UUID jobId = parseId(id);
        return guarded("nothing was read", () -> {
            ReplayJobEntity job = jobs.find(jobId, caller.get().tenant()).orElseThrow(() -> ReplayJobs.noSuchJob(jobId));
            return ReplayJobView.of(job, jobs.progress(jobId));
        });
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Stop starting runs; those started go on")
    public ReplayJobView pause(@PathParam("id") String id) {
        return change(id, jobs::pause);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Start runs again where the job stopped")
    public ReplayJobView resume(@PathParam("id") String id) {
        return change(id, jobs::resume);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "End the job: no more runs start, and its runs not closed yet are asked to cancel")
    public ReplayJobView cancel(@PathParam("id") String id) {
        ReplayJobView cancelled = change(id, jobs::cancel);
        // Stored first; then heard by every worker and aggregator, so calls in flight are aborted too.
        jobs.cancelledOpenRuns(cancelled.id()).forEach(announcer::announce);
        return cancelled;
    }

    private ReplayJobView change(String id, JobChange change) {
        UUID jobId = parseId(id);
        String tenant = caller.get().tenant();
        String by = caller.audit();
        return guarded("the job was not changed", () -> ReplayJobView.of(change.apply(jobId, tenant, by),
                jobs.progress(jobId)));
    }

    /** Pause, resume or cancel: a job of the tenant, changed by whom. */
    @FunctionalInterface
    private interface JobChange {
        ReplayJobEntity apply(UUID job, String tenant, String by);
    }

    /** The database (or Redis, for a dry run) could not be asked: 503, saying what did not happen. */
    @ServerExceptionMapper
    public Response unavailable(ReplayUnavailable e) {
        // The cause's words (a host, a statement) go to the log under an id, not to the client.
        UUID errorId = UUID.randomUUID();
        LOG.warnf(e.getCause(), "error id %s: %s", errorId, e.getMessage());
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", 5)
                .entity(new ErrorResponse(e.getMessage() + " (error id " + errorId + ")", null)).build();
    }

    private static <T> T guarded(String consequence, Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidScanException | WebApplicationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ReplayUnavailable("the database could not be asked; " + consequence + ": retry later", e);
        }
    }

    /** A replay request that failed on an unavailable dependency. */
    static final class ReplayUnavailable extends RuntimeException {
        ReplayUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidScanException.badRequest("id", "'" + id + "' is not a replay job id (a UUID)");
        }
    }

    private static JobStatus status(String status) {
        try {
            return JobStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidScanException.badRequest("status", "status '" + status + "' is none of "
                    + Arrays.toString(JobStatus.values()));
        }
    }
}
