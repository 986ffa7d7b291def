package dev.conclave.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.AttemptTarget;
import dev.conclave.llm.ModelCallException;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.WorkerIdentity;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.openai.ClientSettings;
import dev.conclave.llm.openai.OpenAiCompatibleClient;
import dev.conclave.llm.prompt.RenderedPrompt;
import dev.conclave.llm.providers.OpenAiProvider;
import dev.conclave.llm.ratelimit.LimitMode;
import dev.conclave.llm.ratelimit.Permit;
import dev.conclave.llm.routing.PriceTable;
import dev.conclave.llm.routing.TestConfig;
import dev.conclave.llm.support.SampleDigests;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An attempt's row says what it used: a cancelled one no tokens and no cost, an answer outside the
 * schema what was paid for it, a refused permit nothing; each names the worker and the permit's wait.
 */
class CancelledAttemptIsRecordedWithoutCostTest {
    private static final ModelRef MODEL = ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct");
    private static final Permit PERMIT = new Permit("openrouter:model", 250, 2_000, LimitMode.FLEET, Instant.EPOCH);

    private final LlmConfig config = TestConfig.of(Map.of("conclave.llm.instance", "worker-7"));
    private final AttemptRows rows = new AttemptRows(new WorkerIdentity(config), new AttemptCost(new PriceTable(config)));
    private final AttemptTarget at = new AttemptTarget(
            AnalysisTask.specialist(UUID.randomUUID(), 1, "architect", SampleDigests.greeter(), false), MODEL,
            new OpenAiProvider(new OpenAiCompatibleClient(
                    ClientSettings.openRouter("sk-never-sent", "https://conclave.dev", "Conclave"),
                    HttpClient.newHttpClient()), true, true), new RenderedPrompt("architect", "v3", "system", "user", 1_800));

    @Test
    void aCancelledAttemptHasNoTokensAndNoCost() {
        ModelCallRecord row = rows.cancelled(at, CostComesFromTheProviderThenThePriceTableTest.attempt(900, 0, "0.01"),
                PERMIT, Instant.now(), false);
        assertEquals("CANCELLED", row.outcome);
        assertEquals(0, row.totalTokens);
        assertEquals(0, BigDecimal.ZERO.compareTo(row.costUsd));
        assertEquals("NONE", row.costSource);
        assertEquals(250, row.rateLimitWaitMs);
        assertEquals("worker-7", row.workerInstance);
    }

    @Test
    void anAnswerOutsideTheSchemaKeepsWhatItCost() {
        ModelCallRecord row = rows.unusable(at, CostComesFromTheProviderThenThePriceTableTest.attempt(900, 100, "0.01"),
                PERMIT, Instant.now(), true, "schema_violation", "$.summary is missing");
        assertEquals("FAILED", row.outcome);
        assertEquals("schema_violation", row.errorClass);
        assertEquals(1_000, row.totalTokens);
        assertEquals("PROVIDER", row.costSource);
        assertTrue(row.repair);
        assertEquals("v3", row.promptVersion);
    }

    @Test
    void aRefusedPermitCostsNothing() {
        ModelCallRecord row = rows.refused(at, new ModelCallException("daily_quota_exhausted", "spent"), false);
        assertEquals("FAILED", row.outcome);
        assertEquals("daily_quota_exhausted", row.errorClass);
        assertEquals(0, BigDecimal.ZERO.compareTo(row.costUsd));
        assertEquals("NONE", row.costSource);
    }
}
