package dev.conclave.gateway.replay;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a replay would do, as a dry run answers it and a job stores it when created.
 *
 * @param scans          scans selected, one new run each
 * @param roleCalls      role analyses the new runs ask for (carried roles are not called)
 * @param synthesisCalls one synthesis per run
 * @param calls          roleCalls + synthesisCalls
 * @param cacheAnswers   calls whose answer the cache holds now (the key the source run's call used is in
 *                       Redis); 0 under bypassCache. A synthesis counts only when every role of its run does too
 * @param providerCalls  calls - cacheAnswers: what reaches a provider (retries and repairs not counted)
 * @param estimatedCostUsd the provider calls at each role's mean cost per call over its recent calls
 * @param estimatedTokens  the provider calls at each role's mean tokens per call
 * @param cacheChecked   false when Redis could not be asked: then cacheAnswers is 0 and the estimate high
 * @param roles          the same per role ({@code aggregator} for the synthesis)
 * @param notes          what the estimate could not know, in words
 */
public record ReplayEstimate(int scans, int roleCalls, int synthesisCalls, int calls, int cacheAnswers,
        int providerCalls, BigDecimal estimatedCostUsd, long estimatedTokens, boolean cacheChecked,
        Map<String, RoleEstimate> roles, List<String> notes) {

    /**
     * One role's part.
     *
     * @param costPerCallUsd mean cost of its recent provider calls; null when none of them was priced
     * @param tokensPerCall  mean prompt + completion tokens of its recent provider calls
     * @param sampleCalls    how many recent calls the means are over
     */
    public record RoleEstimate(int calls, int cacheAnswers, int providerCalls, BigDecimal costPerCallUsd,
            long tokensPerCall, int sampleCalls) {
    }
}
