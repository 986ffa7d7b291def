package dev.conclave.llm.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A schema-valid answer as the cache keeps it, with what producing it cost, so a hit can report the
 * tokens and money it saved.
 */
public record CachedAnswer(JsonNode analysis, String answeringModel, int promptTokens, int completionTokens,
        BigDecimal costUsd, boolean simulated, String promptVersion, Instant storedAt) {
}
