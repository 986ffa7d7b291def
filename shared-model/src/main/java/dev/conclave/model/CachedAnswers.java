package dev.conclave.model;

/**
 * Where the response cache keeps an answer in Redis. The workers write and read it (llm-client's
 * ResponseCache); the gateway only asks whether a key is there, to tell a replay's dry run how many
 * calls the cache will answer.
 */
public final class CachedAnswers {
    private static final String PREFIX = "conclave:cache:v1:";

    private CachedAnswers() {
    }

    /** The Redis key of the answer cached under {@code sha256} (a cache_event row's cache_key). */
    public static String redisKey(String sha256) {
        return PREFIX + sha256;
    }
}
