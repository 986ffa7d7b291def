package dev.conclave.llm.openai;

import java.math.BigDecimal;

/**
 * One answer from a chat-completions endpoint, with what it cost and how long it took.
 *
 * @param content        the assistant message's text
 * @param finishReason   why generation stopped ({@code stop}, {@code length}, …) as the provider says it
 * @param answeringModel the response's {@code model}: a router may answer with another model than the one asked for
 * @param costUsd        OpenRouter's {@code usage.cost}; null when the provider does not report a cost
 * @param generationId   the response's {@code id} (OpenRouter's {@code /generation?id=} looks it up)
 * @param ttfbMs         from sending the request until the response's status line and headers arrived
 * @param latencyMs      from sending the request until the whole body had arrived
 */
public record ChatCompletion(String content, String finishReason, String answeringModel, int promptTokens,
        int completionTokens, BigDecimal costUsd, String generationId, int httpStatus, long ttfbMs, long latencyMs) {
}
