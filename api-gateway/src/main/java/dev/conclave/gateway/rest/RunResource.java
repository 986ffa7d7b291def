package dev.conclave.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.gateway.security.ApiRole;
import dev.conclave.gateway.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import dev.conclave.gateway.intake.BoundedBody;
import dev.conclave.gateway.limits.RequestLimits;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.gateway.service.RunService;
import dev.conclave.gateway.service.RunSpec;
import dev.conclave.gateway.service.ScanNotFoundException;
import dev.conclave.gateway.service.ScanQueries;
import dev.conclave.gateway.service.ScanQueries.ScanState;
import dev.conclave.model.ReportDiff;
import dev.conclave.model.RoleOverride;
import dev.conclave.model.RunOrigin;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.WireJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The runs of one scan: start the next, list them, read one, compare two reports. */
@Path("/api/v1/scans/{id}/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
    private static final Set<String> FIELDS = Set.of("roles", "bypassCache", "overrides");
    private static final Set<String> OVERRIDE_FIELDS = Set.of("promptVersion", "chain");

    private final RunService runs;
    private final ScanQueries queries;
    private final CurrentCaller caller;
    private final RequestLimits limits;

    public RunResource(RunService runs, ScanQueries queries, CurrentCaller caller, RequestLimits limits) {
        this.runs = runs;
        this.queries = queries;
        this.caller = caller;
        this.limits = limits;
    }

    @POST
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.ADMIN_ROLE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a scan again", description = "Body (all optional): {roles: [...], bypassCache, overrides: "
            + "{<role>: {promptVersion, chain: [provider/model, ...]}}}. Makes run n+1; earlier runs and their reports "
            + "stay. Roles not named are carried over from their newest stored result without a model call. 202 once "
            + "the run and its request are stored together; 429 with Retry-After over conclave.limits.submissions-per-minute "
            + "(a rerun is a submission). The body may be left out (no Content-Type then).")
    public Response start(@PathParam("id") String id, InputStream body,
            @Parameter(description = "Repeating a key returns the run first started with it")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UUID scanId = ScanResource.parseId(id);
        Optional<String> key = IdempotencyKey.of(idempotencyKey);
        limits.takeSubmission();
        RunSpec spec = parse(BoundedBody.readText(body, limits.maxControlBodyBytes(), "conclave.limits.max-control-body-bytes"),
                caller.audit());
        RunService.Accepted accepted = runs.start(caller.get(), scanId, spec, key);
        String statusUrl = "/api/v1/scans/" + scanId + "/runs/" + accepted.run();
        return Response.accepted(new ScanAccepted(scanId, accepted.run(), ScanStatus.QUEUED.name(), statusUrl))
                .location(URI.create(statusUrl))
                .header("Idempotent-Replayed", accepted.repeated())
                .build();
    }

    @GET
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.VIEWER_ROLE, ApiRole.ADMIN_ROLE})
    @Operation(summary = "Runs of the scan, oldest first, from run 'from' on: how each was asked for, how it ended, what it cost")
    public List<RunSummary> list(@PathParam("id") String id,
            @Parameter(description = "The first run to list (default 1); the next page starts after the last run listed")
            @QueryParam("from") @DefaultValue("1") String from,
            @Parameter(description = "How many (default 50): 1 to conclave.limits.max-page-size, 500 unless configured; 400 beyond")
            @QueryParam("limit") @DefaultValue("50") int limit) {
        UUID scanId = ScanResource.parseId(id);
        int first = parseRun("from", from);
        limits.pageSize(limit);
        return queries.runs(caller.get(), scanId).orElseThrow(() -> new ScanNotFoundException(scanId))
                .stream().filter(state -> state.run().run >= first).limit(limit).map(RunSummary::of).toList();
    }

    @GET
    @Path("/{run}")
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.VIEWER_ROLE, ApiRole.ADMIN_ROLE})
    @Operation(summary = "One run: its roles and, when done, its report")
    public ScanView get(@PathParam("id") String id, @PathParam("run") String run) {
        UUID scanId = ScanResource.parseId(id);
        return ScanView.of(state(scanId, parseRun("run", run)));
    }

    @GET
    @Path("/diff")
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.VIEWER_ROLE, ApiRole.ADMIN_ROLE})
    @Operation(summary = "What changed between two runs' reports: scores, priorities, blockers, models, cost")
    public ReportDiff diff(@PathParam("id") String id,
            @Parameter(description = "The earlier run; default the run before 'to'") @QueryParam("from") String from,
            @Parameter(description = "The later run; default the current run") @QueryParam("to") String to) {
        UUID scanId = ScanResource.parseId(id);
        // Both numbers are read before anything is looked up: a malformed one is a 400 whatever exists.
        Integer toRun = to == null ? null : parseRun("to", to);
        Integer fromRequested = from == null ? null : parseRun("from", from);
        ScanState later = toRun == null ? queries.find(caller.get(), scanId).orElseThrow(() -> new ScanNotFoundException(scanId))
                : state(scanId, toRun);
        int fromRun = fromRequested == null ? later.run().run - 1 : fromRequested;
        if (fromRun < 1) {
            throw InvalidScanException.badRequest("from", "scan " + scanId + " has one run only; there is nothing to "
                    + "compare yet (start another with POST /api/v1/scans/" + scanId + "/runs)");
        }
        ScanState earlier = state(scanId, fromRun);
        for (ScanState state : List.of(earlier, later)) {
            if (state.aggregation() == null || state.aggregation().report() == null) {
                throw new InvalidScanException(409, state == earlier ? "from" : "to", "run " + state.run().run
                        + " of scan " + scanId + " has no report yet (" + state.status() + "); compare it once it closed");
            }
        }
        return ReportDiff.between(scanId, earlier.run().run, earlier.aggregation().report(), later.run().run,
                later.aggregation().report());
    }

    private ScanState state(UUID scanId, int run) {
        return queries.find(caller.get(), scanId, run).orElseThrow(() -> queries.find(caller.get(), scanId).isEmpty()
                ? new ScanNotFoundException(scanId)
                : new InvalidScanException(404, "run", "scan " + scanId + " has no run " + run
                        + "; list its runs with GET /api/v1/scans/" + scanId + "/runs"));
    }

    static int parseRun(String field, String run) {
        try {
            int number = Integer.parseInt(run.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw InvalidScanException.badRequest(field, "'" + run + "' is not a run number (1, 2, ...)");
    }

    /** The body as a run spec, refusing whatever it cannot mean with the field at fault. */
    private static RunSpec parse(String body, String requestedBy) {
        if (body == null || body.isBlank()) {
            return RunSpec.everyRole(RunOrigin.RERUN, requestedBy);
        }
        JsonNode json = jsonObject(body, "{roles?, bypassCache?, overrides?}");
        unknownFields(json, FIELDS, "");
        List<String> roles = null;
        if (json.has("roles")) {
            roles = strings(json.get("roles"), "roles");
            if (roles.isEmpty()) {
                throw InvalidScanException.badRequest("roles", "roles is empty; name at least one role, or leave it out "
                        + "to analyse every role again");
            }
        }
        JsonNode bypass = json.path("bypassCache");
        if (!bypass.isMissingNode() && !bypass.isBoolean()) {
            throw InvalidScanException.badRequest("bypassCache", "bypassCache is true or false");
        }
        Map<String, RoleOverride> overrides = new LinkedHashMap<>();
        JsonNode overridesNode = json.path("overrides");
        if (!overridesNode.isMissingNode()) {
            if (!overridesNode.isObject()) {
                throw InvalidScanException.badRequest("overrides", "overrides is an object {<role>: {promptVersion, chain}}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = overridesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String field = "overrides." + entry.getKey();
                if (!entry.getValue().isObject()) {
                    throw InvalidScanException.badRequest(field, field + " is an object {promptVersion, chain}");
                }
                unknownFields(entry.getValue(), OVERRIDE_FIELDS, field + ".");
                JsonNode version = entry.getValue().path("promptVersion");
                List<String> chain = entry.getValue().has("chain") ? strings(entry.getValue().get("chain"), field + ".chain")
                        : List.of();
                RoleOverride override = new RoleOverride(version.isTextual() ? version.asText() : null, chain);
                List<String> problems = override.problems(entry.getKey());
                if (!problems.isEmpty()) {
                    throw InvalidScanException.badRequest(field, String.join("; ", problems));
                }
                overrides.put(entry.getKey(), override);
            }
        }
        return new RunSpec(roles, null, bypass.asBoolean(false), overrides, RunOrigin.RERUN, null, requestedBy);
    }

    /** A request body that must be a JSON object ({@code shape} says which, for the error). */
    static JsonNode jsonObject(String body, String shape) {
        JsonNode json;
        try {
            json = WireJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidScanException.badRequest("body", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (!json.isObject()) {
            throw InvalidScanException.badRequest("body", "the body is a JSON object " + shape);
        }
        return json;
    }

    static void unknownFields(JsonNode json, Set<String> known, String prefix) {
        json.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw InvalidScanException.badRequest(prefix + name, "unknown field '" + prefix + name + "'; the fields are "
                        + known.stream().sorted().map(f -> prefix + f).toList());
            }
        });
    }

    private static List<String> strings(JsonNode node, String field) {
        if (!node.isArray()) {
            throw InvalidScanException.badRequest(field, field + " is an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw InvalidScanException.badRequest(field, field + " holds a blank or non-text entry");
            }
            values.add(item.asText().trim());
        }
        return values;
    }
}
