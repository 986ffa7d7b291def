package dev.conclave.gateway.rest;

import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.gateway.service.ScanNotFoundException;
import dev.conclave.gateway.service.ScanNotStoredException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** How every resource's refusals reach the client: an {@link ErrorResponse} with the fitting status. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidScanException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(e.getMessage(), e.field())).build();
    }

    @ServerExceptionMapper
    public Response notFound(ScanNotFoundException e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(new ErrorResponse(e.getMessage(), "id"))
                .build();
    }

    @ServerExceptionMapper
    public Response notStored(ScanNotStoredException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", 5)
                .entity(new ErrorResponse(e.getMessage(), null)).build();
    }
}
