package dev.conclave.llm.providers;

import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.ModelProvider;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.openai.ChatCompletion;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.llm.openai.OpenAiCompatibleClient;
import java.time.Duration;

/**
 * A provider of kind {@code openai}: any OpenAI-compatible chat-completions endpoint (OpenRouter,
 * OpenAI, vLLM, Ollama, LM Studio), one HTTP call per attempt through {@link OpenAiCompatibleClient}.
 */
public final class OpenAiProvider implements ModelProvider {
    private final OpenAiCompatibleClient client;
    private final boolean jsonSchema;
    private final boolean includeUsage;

    public OpenAiProvider(OpenAiCompatibleClient client, boolean jsonSchema, boolean includeUsage) {
        this.client = client;
        this.jsonSchema = jsonSchema;
        this.includeUsage = includeUsage;
    }

    @Override
    public String name() {
        return client.settings().provider();
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public boolean supportsJsonSchema() {
        return jsonSchema;
    }

    @Override
    public Duration timeout() {
        return client.settings().timeout();
    }

    @Override
    public boolean includeUsage() {
        return includeUsage;
    }

    @Override
    public ChatCompletion complete(ModelRef model, AnalysisTask task, ChatRequest request) {
        return client.complete(request);
    }
}
