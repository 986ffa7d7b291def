package dev.conclave.llm.metrics;

import dev.conclave.delivery.Persistently;
import dev.conclave.llm.cache.CacheEventRecord;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Writes metrics rows ({@code model_call}, {@code cache_event}), each in a transaction of its own so it
 * survives whatever the caller's transaction does afterwards (a failed role still leaves the attempts it
 * made), and each {@link Persistently}: while PostgreSQL is unavailable the write is retried with capped
 * backoff, blocking the call's thread (readiness names {@code postgresql} meanwhile), because the row
 * usually describes an answer that was already paid for, and that answer must not be lost over its
 * receipt. A row that can never be stored (a value the column refuses) is logged as an error with its
 * content and skipped: the answer it describes is still returned. Texts are cut to {@link #TEXT_LIMIT}
 * characters and stripped of NUL characters (which PostgreSQL's {@code text} refuses) before writing.
 */
@ApplicationScoped
public class CallRecorder {
    private static final Logger LOG = Logger.getLogger(CallRecorder.class);
    /** Longest text stored in any column; an error message or model name beyond this is cut. */
    static final int TEXT_LIMIT = 2_000;

    private final Persistently persistently;

    public CallRecorder(Persistently persistently) {
        this.persistently = persistently;
    }

    /** One attempt (or cache hit); returns once the row is written, or skipped as unstorable. */
    public void record(ModelCallRecord row) {
        row.role = text(row.role);
        row.provider = text(row.provider);
        row.requestedModel = text(row.requestedModel);
        row.answeringModel = text(row.answeringModel);
        row.outcome = text(row.outcome);
        row.errorClass = text(row.errorClass);
        row.errorMessage = text(row.errorMessage);
        row.promptVersion = text(row.promptVersion);
        row.workerInstance = text(row.workerInstance);
        row.generationId = text(row.generationId);
        row.rateLimitMode = text(row.rateLimitMode);
        row.costSource = text(row.costSource);
        write(row, () -> row.id = null, "the model_call row of " + row.role + " attempt " + row.attempt + " at "
                + row.provider + "/" + row.requestedModel + " for scan " + row.scanId + " run " + row.run);
    }

    /** One cache HIT, MISS, STORE or BYPASS; returns once the row is written, or skipped as unstorable. */
    public void record(CacheEventRecord row) {
        row.role = text(row.role);
        row.provider = text(row.provider);
        row.model = text(row.model);
        row.cacheKey = text(row.cacheKey);
        row.event = text(row.event);
        row.workerInstance = text(row.workerInstance);
        write(row, () -> row.id = null, "the cache_event row (" + row.event + ") of " + row.role + " for scan "
                + row.scanId + " run " + row.run);
    }

    private void write(PanacheEntityBase row, Runnable forgetId, String what) {
        try {
            persistently.run("writing " + what, () -> {
                // A failed try may have assigned the id before its commit failed: each try inserts afresh.
                forgetId.run();
                QuarkusTransaction.requiringNew().run(row::persist);
            });
        } catch (Persistently.InterruptedStepException e) {
            throw e; // shutdown: the message comes again, and so does its row
        } catch (RuntimeException e) {
            // Only a permanent failure (or a bug that kept failing) comes out of Persistently.
            LOG.errorf(e, "METRICS ROW LOST: %s can never be stored (%s) and is skipped, so the figures of that"
                    + " scan run miss it; the answer it describes is unaffected. The row: %s", what, e.getMessage(),
                    describe(row));
        }
    }

    private static String describe(PanacheEntityBase row) {
        StringBuilder out = new StringBuilder();
        for (var field : row.getClass().getFields()) {
            try {
                out.append(out.isEmpty() ? "" : ", ").append(field.getName()).append('=').append(field.get(row));
            } catch (IllegalAccessException e) {
                out.append(field.getName()).append("=?");
            }
        }
        return out.toString();
    }

    /** Storable text: no NUL characters, at most {@link #TEXT_LIMIT} characters. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') < 0 ? value : value.replace("\0", "");
        return clean.length() <= TEXT_LIMIT ? clean : clean.substring(0, TEXT_LIMIT - 1) + "…";
    }
}
