package dev.conclave.gateway.rest;

import dev.conclave.gateway.security.ApiRole;
import dev.conclave.gateway.security.CurrentCaller;
import dev.conclave.gateway.security.Caller;
import dev.conclave.gateway.limits.ConcurrencyLimit;
import dev.conclave.gateway.limits.RequestLimits;
import dev.conclave.gateway.service.ScanProgressFeed;
import dev.conclave.gateway.service.ScanQueries;
import dev.conclave.model.ScanStatus;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/scans/{id}/events}: a scan's progress as Server-Sent Events — {@code progress}
 * events (a {@code ProgressEvent} as JSON, the Redis stream id as the event id, so {@code Last-Event-ID}
 * resumes), then one {@code end} event with the final status once the scan is finished and every event
 * before it was sent. A follower that connects late gets the events so far first.
 */
@Path("/api/v1/scans/{id}/events")
public class ScanEventsResource {
    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");
    private static final Duration POLL = Duration.ofMillis(150);
    private static final Duration STATUS_EVERY = Duration.ofMillis(500);
    /** Longer than any scan's deadline: a stream never stays open forever. */
    private static final Duration LONGEST = Duration.ofMinutes(30);

    private final ScanQueries queries;
    private final ScanProgressFeed feed;
    private final CurrentCaller caller;
    private final RequestLimits limits;

    public ScanEventsResource(ScanQueries queries, ScanProgressFeed feed, CurrentCaller caller, RequestLimits limits) {
        this.queries = queries;
        this.feed = feed;
        this.caller = caller;
        this.limits = limits;
    }

    @GET
    @RolesAllowed({ApiRole.SUBMITTER_ROLE, ApiRole.VIEWER_ROLE, ApiRole.ADMIN_ROLE})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RunOnVirtualThread
    @Operation(summary = "A scan's live progress per role, as Server-Sent Events, ending with its status", description =
            "429 with Retry-After when the key already follows conclave.limits.followers-per-key streams, or this "
            + "instance conclave.limits.followers-per-instance.")
    public void events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        UUID scanId = parseId(id);
        String resumeAfter = after(lastEventId);
        Caller who = caller.get();
        if (queries.status(who, scanId).isEmpty()) {
            throw new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorResponse("no scan " + scanId + "; list scans with GET /api/v1/scans", "id")).build());
        }
        // Status polls read the status only, never the digest or the report: many followers stay cheap.
        try (ConcurrencyLimit.Slot follower = limits.followerSlot(); sink) {
            String after = resumeAfter;
            Instant until = Instant.now().plus(LONGEST);
            Instant statusDue = Instant.MIN;
            while (!sink.isClosed() && Instant.now().isBefore(until)) {
                List<ScanProgressFeed.Entry> events = feed.after(scanId, after);
                for (ScanProgressFeed.Entry event : events) {
                    sink.send(sse.newEventBuilder().name("progress").id(event.id())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(event.json()).build());
                    after = event.id();
                }
                if (events.isEmpty() && Instant.now().isAfter(statusDue)) {
                    Optional<ScanStatus> finished = queries.status(who, scanId).filter(ScanStatus::isFinal);
                    if (finished.isPresent() && feed.after(scanId, after).isEmpty()) {
                        sink.send(sse.newEventBuilder().name("end").mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data("{\"scanId\":\"" + scanId + "\",\"status\":\"" + finished.get() + "\"}").build());
                        return;
                    }
                    statusDue = Instant.now().plus(STATUS_EVERY);
                }
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorResponse("'" + id + "' is not a scan id (a UUID)", "id")).build());
        }
    }

    /**
     * Where to resume: the start, or after the {@code Last-Event-ID} a client sent back, which must be
     * one of this stream's ids (a Redis stream id, {@code <millis>-<sequence>}); anything else is a 400
     * before the stream opens, never a Redis error in the middle of it.
     */
    private static String after(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return ScanProgressFeed.START;
        }
        String id = lastEventId.strip();
        if (!STREAM_ID.matcher(id).matches()) {
            throw new BadRequestException(Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorResponse("Last-Event-ID '" + abbreviate(id) + "' is not an event id of this stream "
                            + "(<millis>-<sequence>); send back the id of the last event received, or none", "Last-Event-ID"))
                    .build());
        }
        return id;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
