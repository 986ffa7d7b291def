package dev.conclave.llm.ratelimit;

import dev.conclave.llm.ModelCallException;
import java.time.Duration;

/**
 * The refusal of a call whose provider's daily quota is spent ({@code daily_quota_exhausted}): the caller
 * moves to the next model of the role's chain. The message says how much was used, when the quota
 * resets (00:00 UTC) and what to do meanwhile.
 */
final class DailyQuotaSpent {
    private DailyQuotaSpent() {
    }

    /** The fleet's quota, as Redis counts it. */
    static ModelCallException ofFleet(BucketSpec spec, long used, Duration untilReset) {
        return refusal(spec, "the daily quota of " + spec.quotaScope() + " is spent: " + used + " of "
                + spec.requestsPerDay() + " attempts today", untilReset);
    }

    /** This instance's share of the quota while Redis is unreachable. */
    static ModelCallException ofShare(BucketSpec spec, long allowance, Duration untilReset, int instances) {
        return refusal(spec, "this instance's share of the daily quota of " + spec.quotaScope() + " is spent: "
                + allowance + " of " + allowance + " attempts today (Redis is unreachable, so " + spec.requestsPerDay()
                + " is split among " + instances + " instances)", untilReset);
    }

    private static ModelCallException refusal(BucketSpec spec, String what, Duration untilReset) {
        long minutes = Math.max(1, (untilReset.toSeconds() + 59) / 60);
        return new ModelCallException("daily_quota_exhausted", what + ", failed attempts included ("
                + spec.setting() + ".requests-per-day=" + spec.requestsPerDay() + "). It resets at 00:00 UTC, in "
                + minutes / 60 + " h " + minutes % 60 + " min. Until then use another model of the role's chain, "
                + "or raise the provider's daily limit (e.g. by buying credits) and the setting with it.");
    }
}
