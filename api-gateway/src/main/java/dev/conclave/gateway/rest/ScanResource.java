package dev.conclave.gateway.rest;

import dev.conclave.gateway.intake.ArchiveExtractor;
import dev.conclave.gateway.security.ApiRole;
import dev.conclave.gateway.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import dev.conclave.gateway.limits.ConcurrencyLimit;
import dev.conclave.gateway.limits.RequestLimits;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.gateway.service.ScanQueries;
import dev.conclave.gateway.service.ScanService;
import dev.conclave.gateway.service.ScanSubmission;
import dev.conclave.gateway.service.SubmissionParser;
import dev.conclave.model.ScanStatus;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Where a scan enters Conclave, and where its state is read back. */
@Path("/api/v1/scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {
    private final SubmissionParser parser;
    private final ScanService scans;
    private final ScanQueries queries;
    private final CurrentCaller caller;
    private final RequestLimits limits;

    public ScanResource(SubmissionParser parser, ScanService scans, ScanQueries queries, CurrentCaller caller, RequestLimits limits) {
        this.parser = parser;
        this.scans = scans;
        this.queries = queries;
        this.caller = caller;
        this.limits = limits;
    }

    @POST
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.ADMIN_ROLE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a scan", description = "Body (application/json): {name, digest | files: [{path, content}] | git: {url, ref?}, "
            + "roles?, bypassCache?, deadlineSeconds?}, read as a stream and refused with 413 once over "
            + "conclave.intake.max-total-bytes. A git URL is fetched shallowly: https to an allowed host only "
            + "(conclave.intake.git.allowed-hosts). Answers 202 once the scan and its request are stored together (it will be processed); 503 only when the database did not store it; "
            + "429 with Retry-After over a conclave.limits.* limit.")
    public Response submit(InputStream body,
            @Parameter(description = "Repeating a key returns the scan first accepted with it")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Optional<String> key = IdempotencyKey.of(idempotencyKey);
        limits.takeSubmission();
        ScanSubmission submission;
        try (ConcurrencyLimit.Slot upload = limits.uploadSlot()) {
            submission = parser.parse(body);
        }
        return accepted(submission, key);
    }

    @POST
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.ADMIN_ROLE})
    @Consumes({"application/zip", "application/gzip"})
    @Operation(summary = "Submit a scan of an archive", description = "Body: the project as a .zip (Content-Type application/zip) "
            + "or a .tar.gz (application/gzip); options as query parameters. Unpacked under the conclave.intake.* limits "
            + "(compressed and uncompressed size, entries, file size, path depth, expansion ratio); links that leave the "
            + "project are refused. Answers 202 once the scan and its request are stored together (it will be processed); 503 only when the database did not store it; "
            + "429 with Retry-After over a conclave.limits.* limit.")
    public Response submitArchive(InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long contentLength,
            @Parameter(description = "The project's name", required = true) @QueryParam("name") String name,
            @Parameter(description = "Roles, comma-separated; default all default roles") @QueryParam("roles") String roles,
            @Parameter(description = "true to ignore cached model answers") @QueryParam("bypassCache") String bypassCache,
            @Parameter(description = "Seconds until the run closes as PARTIAL") @QueryParam("deadlineSeconds") String deadlineSeconds,
            @Parameter(description = "Repeating a key returns the scan first accepted with it")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ArchiveExtractor.Format format = ArchiveExtractor.Format.ofMediaType(contentType).orElseThrow(
                () -> InvalidScanException.badRequest("body", "unsupported Content-Type " + contentType + "; use application/zip or application/gzip"));
        OptionalLong length = contentLength == null ? OptionalLong.empty() : OptionalLong.of(contentLength);
        Optional<String> key = IdempotencyKey.of(idempotencyKey);
        limits.takeSubmission();
        ScanSubmission submission;
        try (ConcurrencyLimit.Slot upload = limits.uploadSlot()) {
            submission = parser.parseArchive(format, body, length, name, roles, bypassCache, deadlineSeconds);
        }
        return accepted(submission, key);
    }

    private Response accepted(ScanSubmission submission, Optional<String> idempotencyKey) {
        ScanService.Accepted accepted = scans.submit(submission, caller.get(), idempotencyKey);
        String statusUrl = "/api/v1/scans/" + accepted.scanId();
        return Response.accepted(new ScanAccepted(accepted.scanId(), accepted.run(), ScanStatus.QUEUED.name(), statusUrl))
                .location(URI.create(statusUrl))
                .header("Idempotent-Replayed", accepted.repeated())
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.VIEWER_ROLE, ApiRole.ADMIN_ROLE})
    @Operation(summary = "A scan's status, each role's state and, when done, the report")
    public Response get(@PathParam("id") String id) {
        UUID scanId = parseId(id);
        return queries.find(caller.get(), scanId)
                .map(state -> Response.ok(ScanView.of(state)).build())
                .orElseGet(() -> Response.status(404)
                        .entity(new ErrorResponse("no scan " + scanId + "; list scans with GET /api/v1/scans", "id"))
                        .build());
    }

    @GET
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.VIEWER_ROLE, ApiRole.ADMIN_ROLE})
    @Operation(summary = "Recent scans, newest first, optionally of one status",
            description = "The tenant's scans; a submitter's own only.")
    public List<ScanSummary> list(@QueryParam("status") String status,
            @Parameter(description = "How many (default 50): 1 to conclave.limits.max-page-size, 500 unless configured; 400 beyond")
            @QueryParam("limit") @DefaultValue("50") int limit) {
        limits.pageSize(limit);
        return queries.recent(caller.get(), Optional.ofNullable(status).filter(s -> !s.isBlank()).map(ScanResource::parseStatus), limit)
                .stream().map(ScanSummary::of).toList();
    }

    private static ScanStatus parseStatus(String status) {
        try {
            return ScanStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidScanException.badRequest("status", "unknown status '" + status + "'; one of "
                    + Arrays.toString(ScanStatus.values()));
        }
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidScanException.badRequest("id", "'" + id + "' is not a scan id (a UUID)");
        }
    }
}
