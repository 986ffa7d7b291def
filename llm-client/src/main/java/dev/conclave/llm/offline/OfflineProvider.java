package dev.conclave.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.ModelProvider;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.openai.CallFailure;
import dev.conclave.llm.openai.ChatCompletion;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.llm.openai.FailureClass;
import dev.conclave.llm.prompt.TokenCounter;
import dev.conclave.model.WireJson;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A provider of kind {@code offline}: no network, deterministic schema-valid answers from the digest
 * ({@link OfflineAnalyst}), after a configurable simulated latency. The default when no API key is
 * configured; every answer is marked simulated and costs nothing. Its answers go through the same
 * validation, cache and metrics as a real model's.
 */
public final class OfflineProvider implements ModelProvider {
    private final String name;
    private final OfflineAnalyst analyst = new OfflineAnalyst();
    private final Duration latency;
    private final TokenCounter tokens;

    public OfflineProvider(String name, Duration latency, TokenCounter tokens) {
        this.name = name;
        this.latency = latency;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public boolean supportsJsonSchema() {
        return false;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public boolean includeUsage() {
        return false;
    }

    @Override
    public ChatCompletion complete(ModelRef model, AnalysisTask task, ChatRequest request) {
        long started = System.nanoTime();
        simulateLatency();
        JsonNode analysis = analyst.answer(task.role(), task.digest(), task.panel());
        String content = WireJson.encode(analysis);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        return new ChatCompletion(content, "stop", model.model(),
                tokens.count(request.system()) + tokens.count(request.user()), tokens.count(content),
                BigDecimal.ZERO, null, 200, elapsedMs, elapsedMs);
    }

    private void simulateLatency() {
        if (latency.isZero() || latency.isNegative()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailure(FailureClass.FATAL, "interrupted", "interrupted while simulating a model", null,
                    null, null, null, 0, e);
        }
    }
}
