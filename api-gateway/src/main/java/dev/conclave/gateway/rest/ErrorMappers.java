package dev.conclave.gateway.rest;

import dev.conclave.gateway.limits.LimitExceededException;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.gateway.service.ScanNotFoundException;
import dev.conclave.gateway.service.ScanNotStoredException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** How every resource's refusals reach the client: an {@link ErrorResponse} with the fitting status. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidScanException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(e.getMessage(), e.field()));
        if (e.status() == 413) {
            // The rest of an oversized body is not wanted: closing stops the client sending it, instead of
            // the gateway reading it to the end to keep the connection.
            response.header("Connection", "close");
        }
        return response.build();
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

    /** A limit of conclave.limits.* was reached: come back after Retry-After seconds. */
    @ServerExceptionMapper
    public Response limited(LimitExceededException e) {
        // A refused upload's body is not read: closing stops the client sending it.
        return Response.status(429).type(MediaType.APPLICATION_JSON).header("Retry-After", e.retryAfterSeconds())
                .header("Connection", "close").entity(new ErrorResponse(e.getMessage(), null)).build();
    }

    /** A body type the endpoint does not read (an archive to an endpoint that takes JSON). */
    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return RequestBodyTypes.unsupported(type == null ? "a request body without a Content-Type"
                : "Content-Type " + type.getType() + "/" + type.getSubtype() + " on this endpoint");
    }
}
