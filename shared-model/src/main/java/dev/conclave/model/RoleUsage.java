package dev.conclave.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;

/**
 * What one role (or the aggregator's synthesis) spent in a run, added up from its metrics rows.
 *
 * @param seconds from its first attempt's start to its last attempt's end, retries and waits included
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoleUsage(String role, double seconds, int apiCalls, int cacheHits, long tokens, BigDecimal costUsd) {
}
