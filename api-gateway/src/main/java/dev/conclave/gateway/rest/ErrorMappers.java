package dev.conclave.gateway.rest;

import dev.conclave.gateway.limits.LimitExceededException;
import dev.conclave.gateway.security.CurrentCaller;
import dev.conclave.gateway.security.KeysUnavailableException;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.gateway.service.ScanNotFoundException;
import dev.conclave.gateway.service.ScanNotStoredException;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * How every resource's refusals reach the client: an {@link ErrorResponse} with the fitting status.
 * A refusal's message is written for the client; an unexpected exception's is not (it may name a host,
 * a query or a file), so the client gets an id and the log gets the exception under that id.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final CurrentCaller caller;

    public ErrorMappers(CurrentCaller caller) {
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidScanException e, HttpServerRequest request) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(e.getMessage(), e.field()));
        if (e.status() == 413) {
            // The rest of an oversized body is not wanted: closing stops the client sending it, instead of
            // the gateway reading it to the end to keep the connection.
            closeAfter(response, request);
        }
        return response.build();
    }

    /**
     * Ends an HTTP/1.x connection after this answer. HTTP/2 has no Connection header (a client must treat one
     * as a malformed response); there the stream is reset instead, and the connection serves the others.
     */
    private static void closeAfter(Response.ResponseBuilder response, HttpServerRequest request) {
        if (request == null || request.version() != HttpVersion.HTTP_2) {
            response.header("Connection", "close");
        }
    }

    @ServerExceptionMapper
    public Response notFound(ScanNotFoundException e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(new ErrorResponse(e.getMessage(), "id"))
                .build();
    }

    /** A key whose role may not do this: 403 naming the roles that may. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource) {
        String needed = allowedRoles(resource).map(roles -> "; it needs a key with role " + String.join(" or ", roles))
                .orElse("");
        return Response.status(403).type(MediaType.APPLICATION_JSON).entity(new ErrorResponse("this key ("
                + caller.get().keyPrefix() + ", role " + caller.get().role().wireName() + ") may not do this" + needed
                + "; ask an admin for such a key", "Authorization")).build();
    }

    private static Optional<String[]> allowedRoles(SimpleResourceInfo resource) {
        try {
            RolesAllowed roles = resource.getResourceClass().getMethod(resource.getMethodName(),
                    resource.parameterTypes()).getAnnotation(RolesAllowed.class);
            if (roles == null) {
                roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
            }
            return Optional.ofNullable(roles).map(RolesAllowed::value);
        } catch (NoSuchMethodException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The database did not answer about keys: 503, nothing was done. */
    @ServerExceptionMapper
    public Response keysUnavailable(KeysUnavailableException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", 5)
                .entity(new ErrorResponse(e.getMessage(), null)).build();
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

    /** A limit of conclave.limits.* was reached: come back after Retry-After seconds. */
    @ServerExceptionMapper
    public Response limited(LimitExceededException e, HttpServerRequest request) {
        // A refused upload's body is not read: closing stops the client sending it.
        Response.ResponseBuilder response = Response.status(429).type(MediaType.APPLICATION_JSON)
                .header("Retry-After", e.retryAfterSeconds()).entity(new ErrorResponse(e.getMessage(), null));
        closeAfter(response, request);
        return response.build();
    }

    /** A body type the endpoint does not read (an archive to an endpoint that takes JSON). */
    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return RequestBodyTypes.unsupported(type == null ? "a request body without a Content-Type"
                : "Content-Type " + type.getType() + "/" + type.getSubtype() + " on this endpoint");
    }
}
