package dev.conclave.llm.progress;

import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.redis.RedisClients;
import dev.conclave.model.ProgressEvent;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.WireJson;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells whoever follows a scan (the gateway's {@code /events}, hence the CLI) what a role is doing,
 * by appending a {@link ProgressEvent} to the scan's Redis stream. Best effort: it never fails a call
 * and never blocks it. Events go through a Redis client of their own ({@code quarkus.redis.progress.*})
 * whose pool queues them asynchronously, in order, when its connections are busy (a deliberately
 * long {@code max-pool-waiting}); an event that got no answer within the client's timeout, or found
 * even that queue full, is dropped with a debug line. Progress is a view, the results and metrics in
 * PostgreSQL are the record. The stream is capped and expires an hour after its last event.
 *
 * <p>Unlike the cache and the rate limiter it does not queue on the caller's thread: the progress step
 * "calling model" sits between a rate-limit grant and the call itself, and a wait there would put
 * calls granted apart close together at the provider.
 */
@ApplicationScoped
public class ProgressReporter {
    private static final Logger LOG = Logger.getLogger(ProgressReporter.class);
    private static final String MAX_EVENTS = "500";

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;
    private final boolean enabled;

    public ProgressReporter(@RedisClientName(RedisClients.PROGRESS) ReactiveRedisDataSource redis,
            RedisClients clients, LlmConfig config) {
        this.redis = redis;
        this.timeout = clients.connections(RedisClients.PROGRESS).timeout();
        this.enabled = config.progress().enabled();
    }

    public void report(UUID scanId, int run, String role, ProgressStage stage, String model, String detail) {
        if (!enabled) {
            return;
        }
        ProgressEvent event = new ProgressEvent(scanId, run, role, stage, model, detail, Instant.now());
        String key = ProgressEvent.streamKey(scanId);
        try {
            // Both commands in one round trip (pipelined on one connection, in this order).
            redis.getRedis().batch(List.of(
                    Request.cmd(Command.XADD).arg(key).arg("MAXLEN").arg("~").arg(MAX_EVENTS).arg("*")
                            .arg("event").arg(WireJson.encode(event)),
                    Request.cmd(Command.EXPIRE).arg(key).arg(ProgressEvent.STREAM_TTL_SECONDS)))
                    .ifNoItem().after(timeout).fail()
                    .subscribe().with(ok -> { }, failure -> LOG.debugf("progress of scan %s not reported: %s",
                            scanId, failure.getMessage()));
        } catch (RuntimeException e) {
            LOG.debugf("progress of scan %s not reported: %s", scanId, e.getMessage());
        }
    }
}
