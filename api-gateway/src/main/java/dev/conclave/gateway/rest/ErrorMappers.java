package dev.conclave.gateway.rest;

import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.gateway.service.ScanNotFoundException;
import dev.conclave.gateway.service.ScanNotStoredException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How every resource's refusals reach the client: an {@link ErrorResponse} with the fitting status.
 * A refusal's message is written for the client; an unexpected exception's is not (it may name a host,
 * a query or a file), so the client gets an id and the log gets the exception under that id.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

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
        UUID id = UUID.randomUUID();
        LOG.warnf(e.getCause(), "error id %s: %s", id, e.getMessage());
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", 5)
                .entity(new ErrorResponse(e.getMessage() + " (error id " + id + ")", null)).build();
    }

    /**
     * Anything no other mapper took: a 500 that says only that it happened and under which id. A JAX-RS
     * exception (404 for an unknown path, 405, 415, ...) keeps the response it carries.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (e instanceof WebApplicationException web) {
            return web.getResponse();
        }
        UUID id = UUID.randomUUID();
        LOG.errorf(e, "error id %s: unexpected %s", id, e.getClass().getName());
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse("internal error, id " + id + "; the gateway's log has the detail", null))
                .build();
    }
}
