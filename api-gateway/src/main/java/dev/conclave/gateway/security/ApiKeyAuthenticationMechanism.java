package dev.conclave.gateway.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conclave.gateway.rest.ErrorResponse;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <key>}. No header: the request is anonymous, and every path but
 * {@code /q/health*} refuses it (quarkus.http.auth.permission.*). A refused key answers 401 with
 * {@code WWW-Authenticate: Bearer} and an {@link ErrorResponse} saying what to do; a key that could not
 * be checked (database down, key not in memory) answers 503 with Retry-After, never 401.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String MISSING = "this endpoint needs an API key: send Authorization: Bearer <key> (an admin creates "
            + "keys with POST /api/v1/keys; locally, ./conclave key prints the local admin key)";
    private static final String NOT_BEARER = "the Authorization header is not 'Bearer <key>'; send "
            + "Authorization: Bearer cnk_...";
    /** Where the reason for a refusal waits for {@link #sendChallenge}. */
    private static final String REFUSAL = "conclave.auth.refusal";

    private final ObjectMapper json;

    public ApiKeyAuthenticationMechanism(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            context.put(REFUSAL, new Refusal(401, NOT_BEARER));
            return Uni.createFrom().failure(new AuthenticationFailedException(NOT_BEARER));
        }
        ApiKeyAuthenticationRequest request = new ApiKeyAuthenticationRequest(header.substring(7).strip());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request).onFailure().transform(failure -> {
            Throwable cause = failure instanceof AuthenticationFailedException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof KeysUnavailableException unavailable) {
                context.put(REFUSAL, new Refusal(503, unavailable.getMessage()));
            } else {
                context.put(REFUSAL, new Refusal(401, cause instanceof KeyRefusedException ? cause.getMessage()
                        : KeyRefusedException.INVALID));
            }
            return failure instanceof AuthenticationFailedException ? failure
                    : new AuthenticationFailedException(failure.getMessage(), failure);
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    /** The 401 (or 503) itself, with a body that says what was wrong and what to do. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        Refusal refusal = context.get(REFUSAL);
        if (refusal == null) {
            refusal = new Refusal(401, MISSING);
        }
        var response = context.response();
        if (!response.ended()) {
            response.setStatusCode(refusal.status()).putHeader("Content-Type", "application/json");
            if (refusal.status() == 401) {
                response.putHeader("WWW-Authenticate", "Bearer");
            } else {
                response.putHeader("Retry-After", "5");
            }
            response.end(body(refusal.message()));
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    private String body(String message) {
        try {
            return json.writeValueAsString(new ErrorResponse(message, "Authorization"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }

    private record Refusal(int status, String message) {
    }
}
