package dev.conclave.llm.cache;

/** What happened at the cache for one call: the {@code event} column of {@code cache_event}. */
public enum CacheEventKind {
    /** A stored answer was used instead of calling the model. */
    HIT,
    /** No stored answer, or Redis could not be reached (the log says which). */
    MISS,
    /** A schema-valid answer was written to Redis. */
    STORE,
    /** The scan asked for fresh answers, so the cache was not consulted. */
    BYPASS
}
