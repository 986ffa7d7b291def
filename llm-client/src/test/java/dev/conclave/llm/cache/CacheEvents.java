package dev.conclave.llm.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.metrics.CallRecorder;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.model.WireJson;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the tests build and read: a scope of their own (random scan id), a request, an answer, the rows. */
public final class CacheEvents {
    public static final ModelRef MODEL = new ModelRef("openrouter", "meta-llama/llama-3.3-70b-instruct");

    public static CallScope newScope() {
        return new CallScope(UUID.randomUUID(), 1, "architect", MODEL, "llm-client-test", "default");
    }

    /** Unique per scope, so no two tests (or runs) share a Redis entry. */
    public static ChatRequest requestFor(CallScope scope) {
        return ChatRequest.of(MODEL.model(), "You are the architect.", "Digest of scan " + scope.scanId())
                .withTemperature(0.2)
                .withMaxTokens(4000)
                .withResponseSchema("architect_analysis", schema());
    }

    public static JsonNode schema() {
        return WireJson.mapper().createObjectNode().put("type", "object")
                .set("required", WireJson.mapper().createArrayNode().add("architecture_assessment"));
    }

    public static CachedAnswer answer() {
        JsonNode analysis = WireJson.mapper().createObjectNode().put("architecture_assessment", "layered, tidy");
        return new CachedAnswer(analysis, "meta-llama/llama-3.3-70b-instruct", 1200, 300, new BigDecimal("0.00123400"),
                false, "v1", Instant.parse("2026-11-25T10:15:30.123456Z"));
    }

    /** The scan's cache events, once the writer has committed every row queued so far (events do not wait). */
    public static List<CacheEventRecord> of(UUID scanId) {
        Arc.container().instance(CallRecorder.class).get().awaitQueuedRows();
        return QuarkusTransaction.requiringNew()
                .call(() -> CacheEventRecord.<CacheEventRecord>list("scanId = ?1 order by id", scanId));
    }

    private CacheEvents() {
    }
}
