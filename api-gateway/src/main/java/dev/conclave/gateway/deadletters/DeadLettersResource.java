package dev.conclave.gateway.deadletters;

import dev.conclave.gateway.rest.ErrorResponse;
import dev.conclave.gateway.security.ApiRole;
import dev.conclave.gateway.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The dead-letter index over HTTP: list (filtered, paginated), show, re-drive one or a filtered set,
 * purge one or a filtered set. Filters, as query parameters everywhere: {@code topic} (the source
 * topic), {@code reason} (substring, any case), {@code from} and {@code to} (ISO-8601 instants or
 * dates, on when it was dead-lettered), {@code redriven} (true or false).
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiRole.ADMIN_ROLE)
public class DeadLettersResource {
    private final DeadLetterStore store;
    private final DeadLetterRedrives redrives;
    private final DeadLettersConfig config;
    private final CurrentCaller caller;

    public DeadLettersResource(DeadLetterStore store, DeadLetterRedrives redrives, DeadLettersConfig config,
            CurrentCaller caller) {
        this.store = store;
        this.redrives = redrives;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Dead letters, newest first", description = "Filters: topic, reason, from, to, redriven."
            + " Pages: limit (default 50, at most conclave.dead-letters.max-page-size; 400 beyond) and cursor (the"
            + " nextCursor of the previous page).")
    public DeadLetterPage list(@RestQuery String topic, @RestQuery String reason, @RestQuery String from,
            @RestQuery String to, @RestQuery String redriven, @QueryParam("limit") @DefaultValue("50") int limit,
            @RestQuery String cursor) {
        if (limit < 1 || limit > config.maxPageSize()) {
            throw DeadLetterRefusal.badRequest("limit", "limit must be from 1 to " + config.maxPageSize()
                    + " (conclave.dead-letters.max-page-size), got " + limit);
        }
        Optional<Long> before = Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(c -> id(c, "cursor"));
        List<DeadLetterEntity> page = store.page(filter(topic, reason, from, to, redriven), before, limit + 1);
        List<DeadLetterSummary> items = page.stream().limit(limit).map(DeadLetterSummary::of).toList();
        String next = page.size() > limit ? String.valueOf(page.get(limit - 1).id) : null;
        return new DeadLetterPage(items, next);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter with its headers and its value (text, or base64 when not UTF-8)")
    public DeadLetterDetail show(@PathParam("id") String id) {
        long letter = id(id, "id");
        return store.find(letter, tenant()).map(DeadLetterDetail::of).orElseThrow(() -> DeadLetterRefusal.notFound(letter));
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Send a dead letter back to its source topic", description = "With its original key, value "
            + "and headers plus redriven-from. Once: a letter re-driven before is left alone unless force=true. 503 "
            + "(and nothing marked) when the broker does not acknowledge.")
    public RedriveOutcome redrive(@PathParam("id") String id, @RestQuery boolean force) {
        long letter = id(id, "id");
        // The tenant never changes, so a check before the re-drive holds for it.
        store.find(letter, tenant()).orElseThrow(() -> DeadLetterRefusal.notFound(letter));
        return redrives.redrive(letter, force);
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Re-drive every dead letter the filters match", description = "Answers the counts: matched,"
            + " redriven, alreadyRedriven (skipped, unless force=true), failed.")
    public BulkRedriveOutcome redriveAll(@RestQuery String topic, @RestQuery String reason, @RestQuery String from,
            @RestQuery String to, @RestQuery String redriven, @RestQuery boolean force) {
        return redrives.redrive(filter(topic, reason, from, to, redriven), force);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a dead letter from the index (the topic keeps it until its retention ends)")
    public Response purge(@PathParam("id") String id) {
        long letter = id(id, "id");
        if (!store.delete(letter, tenant())) {
            throw DeadLetterRefusal.notFound(letter);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/purge")
    @Operation(summary = "Remove every dead letter the filters match from the index")
    public Map<String, Long> purgeAll(@RestQuery String topic, @RestQuery String reason, @RestQuery String from,
            @RestQuery String to, @RestQuery String redriven) {
        return Map.of("purged", store.delete(filter(topic, reason, from, to, redriven)));
    }

    private DeadLetterFilter filter(String topic, String reason, String from, String to, String redriven) {
        return new DeadLetterFilter(present(topic), present(reason), present(from).map(f -> time(f, "from")),
                present(to).map(t -> time(t, "to")), present(redriven).map(DeadLettersResource::flag), tenant());
    }

    private String tenant() {
        return caller.get().tenant();
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static long id(String text, String field) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw DeadLetterRefusal.badRequest(field, "'" + text + "' is not a dead letter id (a whole number, as"
                    + " GET /api/v1/dead-letters lists them)");
        }
    }

    /** An instant ({@code 2026-11-30T10:00:00Z}), a time with an offset, or a date (its start, UTC). */
    private static Instant time(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnOffsetTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw DeadLetterRefusal.badRequest(field, field + " '" + text + "' is not an ISO-8601 time or date;"
                        + " e.g. 2026-11-30T10:00:00Z or 2026-11-30");
            }
        }
    }

    private static boolean flag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DeadLetterRefusal.badRequest("redriven", "redriven must be true or false, got '" + text + "'");
        };
    }

    @ServerExceptionMapper
    public Response refused(DeadLetterRefusal e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(e.getMessage(), e.field()));
        if (e.status() == 503) {
            response.header("Retry-After", DeadLetterRefusal.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
