package dev.conclave.llm;

import dev.conclave.llm.openai.CallFailure;
import dev.conclave.llm.openai.ChatCompletion;
import dev.conclave.llm.openai.ChatRequest;
import java.time.Duration;

/**
 * One configured provider ({@code conclave.llm.providers.<name>}) that answers chat requests. An
 * implementation makes exactly one attempt; {@link ModelCaller} does the rate limiting, retries,
 * validation, fallbacks and metrics around it, the same for every provider.
 */
public interface ModelProvider {

    /** The provider part of a {@link ModelRef}. */
    String name();

    /** True for the offline simulator: its answers are marked simulated and cost nothing. */
    boolean simulated();

    /** Whether to send the role's schema as {@code response_format: json_schema}. */
    boolean supportsJsonSchema();

    /** How long one attempt may take. */
    Duration timeout();

    /** Whether to ask for usage accounting (OpenRouter's {@code usage: {include: true}}). */
    boolean includeUsage();

    /**
     * One attempt at one model. {@code task} is what the request was rendered from (the offline
     * simulator answers from it); HTTP providers send {@code request} as it is.
     *
     * @throws CallFailure classified: retry, next model, or stop
     */
    ChatCompletion complete(ModelRef model, AnalysisTask task, ChatRequest request);
}
