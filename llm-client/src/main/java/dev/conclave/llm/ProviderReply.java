package dev.conclave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * What a provider answered to one prompt.
 *
 * @param answeringModel the model that really answered (a router may substitute another)
 * @param simulated      true for the offline simulator
 */
public record ProviderReply(JsonNode analysis, String answeringModel, int promptTokens, int completionTokens,
        BigDecimal costUsd, boolean simulated) {
}
