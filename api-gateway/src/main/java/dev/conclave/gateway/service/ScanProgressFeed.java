package dev.conclave.gateway.service;

import dev.conclave.model.ProgressEvent;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a scan's progress events from its Redis stream (written by the workers' and the
 * aggregator's {@code ProgressReporter}), after a given stream id, so a follower can poll and resume
 * (SSE's {@code Last-Event-ID}).
 */
@ApplicationScoped
public class ScanProgressFeed {
    /** The id before every event of a stream. */
    public static final String START = "0-0";
    private static final String BATCH = "200";

    private final RedisDataSource redis;

    public ScanProgressFeed(RedisDataSource redis) {
        this.redis = redis;
    }

    /** One event with its stream id, the SSE event id. */
    public record Entry(String id, String json) {
    }

    /** Events after {@code afterId}, oldest first, at most a batch. */
    public List<Entry> after(UUID scanId, String afterId) {
        Response entries = redis.execute("XRANGE", ProgressEvent.streamKey(scanId), "(" + afterId, "+", "COUNT", BATCH);
        List<Entry> events = new ArrayList<>();
        for (Response entry : entries) {
            Response fields = entry.get(1);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("event".equals(fields.get(i).toString())) {
                    events.add(new Entry(entry.get(0).toString(), fields.get(i + 1).toString()));
                }
            }
        }
        return events;
    }
}
