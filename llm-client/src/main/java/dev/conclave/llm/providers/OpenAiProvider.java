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
 *
 * @param supportsJsonSchema whether the endpoint takes a JSON schema as {@code response_format}
 * @param includeUsage whether the request asks for usage (and cost) in the answer
 */
public record OpenAiProvider(OpenAiCompatibleClient client, boolean supportsJsonSchema, boolean includeUsage)
        implements ModelProvider {

    @Override
    public String name() {
        return client.settings().provider();
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public Duration timeout() {
        return client.settings().timeout();
    }

    @Override
    public ChatCompletion complete(ModelRef model, AnalysisTask task, ChatRequest request) {
        return client.complete(request);
    }
}
