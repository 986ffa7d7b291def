package dev.conclave.llm.ratelimit;

/** Who decided that a call may start. */
public enum LimitMode {
    /** The fleet-wide token bucket in Redis. */
    FLEET,
    /** Redis was unreachable: this instance's explicit share of the limit (limit ÷ live instances last seen). */
    LOCAL_SHARE,
    /** The provider has no limit (the offline simulator). */
    UNLIMITED
}
