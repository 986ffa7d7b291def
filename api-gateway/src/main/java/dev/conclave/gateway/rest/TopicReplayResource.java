package dev.conclave.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.gateway.replay.TopicReplayStopgap;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.model.WireJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A topic replay in one request, until replay jobs ({@code POST /api/v1/replays}) drive it with a throttle
 * and progress: see {@link TopicReplayStopgap}.
 */
@Path("/api/v1/topic-replays")
@Produces(MediaType.APPLICATION_JSON)
public class TopicReplayResource {
    private final TopicReplayStopgap replays;

    public TopicReplayResource(TopicReplayStopgap replays) {
        this.replays = replays;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay a topic's time range now", description = "Body {topic: scan.results | scan.requests, "
            + "from, to} (ISO-8601). scan.results: each run read is synthesised again into a new run from its stored "
            + "role results; scan.requests: each run's roles are analysed again. Answers once every new run started.")
    public TopicReplayStopgap.Replayed replay(String body, @HeaderParam("X-Requested-By") String requestedBy) {
        JsonNode json;
        try {
            json = WireJson.mapper().readTree(body == null ? "" : body);
        } catch (Exception e) {
            throw InvalidScanException.badRequest("body", "the body is a JSON object {topic, from, to}");
        }
        if (json == null || !json.isObject()) {
            throw InvalidScanException.badRequest("body", "the body is a JSON object {topic, from, to}");
        }
        try {
            return replays.replay(json.path("topic").asText(null), instant(json, "from"), instant(json, "to"),
                    requestedBy);
        } catch (IllegalStateException e) {
            // The broker or the database failed: the message says what, and that asking again resumes.
            throw new InvalidScanException(503, null, e.getMessage());
        }
    }

    private static Instant instant(JsonNode json, String field) {
        if (!json.path(field).isTextual()) {
            return null;
        }
        try {
            return Instant.parse(json.path(field).asText());
        } catch (DateTimeParseException e) {
            throw InvalidScanException.badRequest(field, "'" + json.path(field).asText() + "' is not an ISO-8601 instant"
                    + " (e.g. 2026-12-01T10:00:00Z)");
        }
    }
}
