package dev.conclave.gateway.deadletters;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code POST /api/v1/dead-letters/redrive} did with the letters its filter matched: sent and
 * acknowledged, skipped because they were re-driven before (without {@code force}), or failed;
 * {@code error} is the first failure's reason. A broker outage stops the run: the letters not
 * tried count as failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkRedriveOutcome(long matched, long redriven, long alreadyRedriven, long failed, String error) {
}
