package dev.conclave.llm.progress;

import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.redis.RedisClients;
import dev.conclave.llm.redis.RedisConnections;
import dev.conclave.model.ProgressEvent;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.WireJson;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells whoever follows a scan (the gateway's {@code /events}, hence the CLI) what a role is doing,
 * by appending a {@link ProgressEvent} to the scan's Redis stream. Best effort: it never fails a call,
 * and waits for Redis only while all connections of its own client ({@code quarkus.redis.progress.*})
 * are busy, at most that client's timeout, after which the event is dropped; it never waits for
 * Redis' answer. Progress is a view, the results and metrics in PostgreSQL are the record. The stream
 * is capped and expires an hour after its last event.
 */
@ApplicationScoped
public class ProgressReporter {
    private static final Logger LOG = Logger.getLogger(ProgressReporter.class);
    private static final String MAX_EVENTS = "500";

    private final ReactiveRedisDataSource redis;
    private final RedisConnections connections;
    private final boolean enabled;

    public ProgressReporter(@RedisClientName(RedisClients.PROGRESS) ReactiveRedisDataSource redis,
            RedisClients clients, LlmConfig config) {
        this.redis = redis;
        this.connections = clients.connections(RedisClients.PROGRESS);
        this.enabled = config.progress().enabled();
    }

    public void report(UUID scanId, int run, String role, ProgressStage stage, String model, String detail) {
        if (!enabled) {
            return;
        }
        ProgressEvent event = new ProgressEvent(scanId, run, role, stage, model, detail, Instant.now());
        String key = ProgressEvent.streamKey(scanId);
        try {
            if (!connections.enter(connections.timeout())) {
                LOG.debugf("progress of scan %s not reported: all %d connections of Redis client '%s' stayed busy"
                        + " for %d ms", scanId, connections.size(), connections.client(), connections.timeout().toMillis());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            redis.execute("XADD", key, "MAXLEN", "~", MAX_EVENTS, "*", "event", WireJson.encode(event))
                    .chain(() -> redis.execute("EXPIRE", key, Long.toString(ProgressEvent.STREAM_TTL_SECONDS)))
                    // A hung Redis must not keep the connection counted as taken for ever.
                    .ifNoItem().after(connections.timeout()).fail()
                    .onTermination().invoke(connections::leave)
                    .subscribe().with(ok -> { }, failure -> LOG.debugf("progress of scan %s not reported: %s",
                            scanId, failure.getMessage()));
        } catch (RuntimeException e) {
            connections.leave();
            LOG.debugf("progress of scan %s not reported: %s", scanId, e.getMessage());
        }
    }
}
