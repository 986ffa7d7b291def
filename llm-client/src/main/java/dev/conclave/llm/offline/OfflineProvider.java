package dev.conclave.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.ModelProvider;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.ProviderReply;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.prompt.RenderedPrompt;
import dev.conclave.llm.prompt.TokenCounter;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The {@code offline} provider: no network, deterministic schema-valid answers from the digest
 * ({@link OfflineAnalyst}), after a configurable simulated latency. The default when no API key
 * is configured; every answer is marked simulated and costs nothing.
 */
@ApplicationScoped
public class OfflineProvider implements ModelProvider {
    public static final String NAME = "offline";

    private final OfflineAnalyst analyst = new OfflineAnalyst();
    private final Duration latency;
    private final TokenCounter tokens;

    public OfflineProvider(LlmConfig config, TokenCounter tokens) {
        this.latency = config.offline().latency();
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderReply complete(ModelRef model, AnalysisTask task, RenderedPrompt prompt) {
        simulateLatency();
        JsonNode analysis = analyst.answer(task.role(), task.digest(), task.panel());
        return new ProviderReply(analysis, model.model(), prompt.tokens(), tokens.count(WireJson.encode(analysis)),
                BigDecimal.ZERO, true);
    }

    private void simulateLatency() {
        if (latency.isZero() || latency.isNegative()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
