package dev.conclave.llm.progress;

import dev.conclave.llm.config.LlmConfig;
import dev.conclave.model.ProgressEvent;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.WireJson;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells whoever follows a scan (the gateway's {@code /events}, hence the CLI) what a role is doing,
 * by appending a {@link ProgressEvent} to the scan's Redis stream. Best effort: it never waits for
 * Redis and never fails a call — progress is a view, the results and metrics in PostgreSQL are the
 * record. The stream is capped and expires an hour after its last event.
 */
@ApplicationScoped
public class ProgressReporter {
    private static final Logger LOG = Logger.getLogger(ProgressReporter.class);
    private static final String MAX_EVENTS = "500";

    private final ReactiveRedisDataSource redis;
    private final boolean enabled;

    public ProgressReporter(ReactiveRedisDataSource redis, LlmConfig config) {
        this.redis = redis;
        this.enabled = config.progress().enabled();
    }

    public void report(UUID scanId, int run, String role, ProgressStage stage, String model, String detail) {
        if (!enabled) {
            return;
        }
        ProgressEvent event = new ProgressEvent(scanId, run, role, stage, model, detail, Instant.now());
        String key = ProgressEvent.streamKey(scanId);
        try {
            redis.execute("XADD", key, "MAXLEN", "~", MAX_EVENTS, "*", "event", WireJson.encode(event))
                    .chain(() -> redis.execute("EXPIRE", key, Long.toString(ProgressEvent.STREAM_TTL_SECONDS)))
                    .subscribe().with(ok -> { }, failure -> LOG.debugf("progress of scan %s not reported: %s",
                            scanId, failure.getMessage()));
        } catch (RuntimeException e) {
            LOG.debugf("progress of scan %s not reported: %s", scanId, e.getMessage());
        }
    }
}
