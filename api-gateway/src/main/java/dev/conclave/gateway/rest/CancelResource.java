package dev.conclave.gateway.rest;

import dev.conclave.gateway.security.ApiRole;
import dev.conclave.gateway.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import dev.conclave.gateway.service.RunCancels;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Cancelling a run of a scan. */
@Path("/api/v1/scans/{id}/cancel")
@Produces(MediaType.APPLICATION_JSON)
public class CancelResource {
    private final RunCancels cancels;
    private final CurrentCaller caller;

    public CancelResource(RunCancels cancels, CurrentCaller caller) {
        this.cancels = cancels;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.ADMIN_ROLE})
    @Operation(summary = "Cancel a queued or running run", description = "Workers skip the run, its model calls in "
            + "flight are aborted and not retried, and the aggregator closes it CANCELLED. 202 with the run as it stands "
            + "(runInfo.cancelRequestedAt set; status CANCELLED once closed); asking again changes nothing. 409 when the "
            + "run is already closed.")
    public Response cancel(@PathParam("id") String id,
            @Parameter(description = "The run to cancel; default the scan's current run") @QueryParam("run") String run) {
        UUID scanId = ScanResource.parseId(id);
        Optional<Integer> number = run == null ? Optional.empty() : Optional.of(RunResource.parseRun("run", run));
        return Response.accepted(ScanView.of(cancels.cancel(caller.get(), scanId, number, caller.audit()))).build();
    }
}
