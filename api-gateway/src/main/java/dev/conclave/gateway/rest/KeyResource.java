package dev.conclave.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.gateway.security.ApiKeys;
import dev.conclave.gateway.security.ApiRole;
import dev.conclave.gateway.security.CurrentCaller;
import dev.conclave.gateway.security.KeysUnavailableException;
import dev.conclave.gateway.service.InvalidScanException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** API keys (admin): create one (its text shown once), list them without secrets, revoke one. */
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiRole.ADMIN_ROLE)
public class KeyResource {
    private static final Set<String> FIELDS = Set.of("name", "role", "tenant", "expiresAt", "ttlDays");
    private static final int MAX_TTL_DAYS = 3650;

    private final ApiKeys keys;
    private final CurrentCaller caller;

    public KeyResource(ApiKeys keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key", description = "Body: {name, role: submitter|viewer|admin, tenant?, "
            + "expiresAt? (ISO instant) or ttlDays?}. 201 with the key's text in 'key': it is shown this once and "
            + "stored only as a hash. Only an admin of the operator tenant may name another tenant.")
    public Response create(String body) {
        ApiKeys.Order order = order(body);
        ApiKeys.Created created = unlessUnavailable("the key was not created", () -> keys.create(order, caller.get()));
        return Response.created(URI.create("/api/v1/keys/" + created.row().id))
                .header("Cache-Control", "no-store")
                .entity(KeyView.of(created.row(), created.key().text()))
                .build();
    }

    @GET
    @Operation(summary = "The keys of this tenant (every tenant's for an operator admin), without secrets")
    public List<KeyView> list() {
        return unlessUnavailable("the keys could not be listed", () -> keys.list(caller.get())).stream()
                .map(KeyView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key", description = "At once on this gateway, within conclave.auth.cache-ttl on "
            + "the others. Revoking again changes nothing. 200 with the key as it stands.")
    public KeyView revoke(@PathParam("id") String id) {
        UUID keyId;
        try {
            keyId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidScanException.badRequest("id", "'" + id + "' is not a key id (a UUID, as GET /api/v1/keys lists)");
        }
        return unlessUnavailable("the key was not revoked", () -> keys.revoke(keyId, caller.get()))
                .map(KeyView::of).orElseThrow(() -> new InvalidScanException(404, "id",
                "no key " + keyId + "; list the keys with GET /api/v1/keys"));
    }

    /** A database failure as a 503 saying what was not done; refusals of the request as they are. */
    private static <T> T unlessUnavailable(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidScanException | WebApplicationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KeysUnavailableException(what, e);
        }
    }

    private static ApiKeys.Order order(String body) {
        JsonNode json = RunResource.jsonObject(body == null ? "" : body, "{name, role, tenant?, expiresAt? | ttlDays?}");
        RunResource.unknownFields(json, FIELDS, "");
        String name = json.path("name").isTextual() ? json.get("name").asText().strip() : "";
        if (name.isEmpty() || name.length() > 100) {
            throw InvalidScanException.badRequest("name", "name is a text of 1 to 100 characters saying whose key it is");
        }
        ApiRole role = ApiRole.parse(json.path("role").isTextual() ? json.get("role").asText() : null).orElseThrow(
                () -> InvalidScanException.badRequest("role", "role is one of " + Arrays.stream(ApiRole.values())
                        .map(ApiRole::wireName).toList()));
        Optional<String> tenant = Optional.empty();
        if (json.has("tenant")) {
            if (!json.get("tenant").isTextual()) {
                throw InvalidScanException.badRequest("tenant", "tenant is a text (a tenant name)");
            }
            tenant = Optional.of(json.get("tenant").asText());
        }
        if (json.has("expiresAt") && json.has("ttlDays")) {
            throw InvalidScanException.badRequest("ttlDays", "give expiresAt or ttlDays, not both");
        }
        Optional<Instant> expiresAt = Optional.empty();
        if (json.has("expiresAt")) {
            try {
                expiresAt = Optional.of(Instant.parse(json.get("expiresAt").asText()));
            } catch (DateTimeParseException e) {
                throw InvalidScanException.badRequest("expiresAt", "expiresAt '" + json.get("expiresAt").asText()
                        + "' is not an ISO instant such as 2027-01-31T00:00:00Z");
            }
            if (!expiresAt.get().isAfter(Instant.now())) {
                throw InvalidScanException.badRequest("expiresAt", "expiresAt " + expiresAt.get()
                        + " is not in the future; a key that is expired already is of no use");
            }
        } else if (json.has("ttlDays")) {
            JsonNode days = json.get("ttlDays");
            if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 1 || days.asInt() > MAX_TTL_DAYS) {
                throw InvalidScanException.badRequest("ttlDays", "ttlDays is a whole number of days from 1 to " + MAX_TTL_DAYS);
            }
            expiresAt = Optional.of(Instant.now().plus(Duration.ofDays(days.asInt())));
        }
        return new ApiKeys.Order(name, role, tenant, expiresAt);
    }
}
