package dev.conclave.llm.metrics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes metrics rows in their own transaction, so a row survives whatever the caller's
 * transaction does afterwards (a failed role still leaves the attempts it made).
 */
@ApplicationScoped
public class CallRecorder {

    public void record(ModelCallRecord row) {
        QuarkusTransaction.requiringNew().run(row::persist);
    }
}
