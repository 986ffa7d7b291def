package dev.conclave.gateway.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Request bodies are JSON, or an archive to {@code POST /api/v1/scans}; nothing else reaches a
 * resource. A browser sends a {@code text/plain}, form or type-less body cross-site without asking
 * first (no CORS preflight), so such a body is refused before any resource runs and nothing is stored.
 * Body-less requests (cancel, pause, resume, redrive) need no Content-Type, and any they send is ignored.
 */
public class RequestBodyTypes {
    static final Set<String> ACCEPTED = Set.of(MediaType.APPLICATION_JSON, "application/zip", "application/gzip");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOtherBodies(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod())) {
            return Optional.empty();
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!hasBody(request)) {
            // Nothing to read, so the type says nothing (some clients send text/plain on every POST): dropped
            // before matching, so a body-less cancel or rerun matches as if no type had been sent.
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return Optional.empty();
        }
        if (base.isEmpty()) {
            return Optional.of(unsupported("a request body without a Content-Type"));
        }
        return ACCEPTED.contains(base) ? Optional.empty() : Optional.of(unsupported("Content-Type " + base));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null
                || length != null && !length.isBlank() && !length.strip().equals("0");
    }

    /** The 415 answer: what arrived and what is accepted. */
    static Response unsupported(String what) {
        return Response.status(415).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(what + " is not accepted; request bodies are application/json, or an archive "
                        + "(application/zip or application/gzip) to POST /api/v1/scans", "Content-Type"))
                .build();
    }
}
