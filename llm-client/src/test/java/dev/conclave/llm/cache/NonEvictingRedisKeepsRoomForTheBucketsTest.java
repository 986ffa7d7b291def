package dev.conclave.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * In a Redis that evicts nothing the cache stops storing at its share of maxmemory, so the rate-limit
 * buckets can still be written; a Redis that evicts, or has no limit, is never refused.
 */
class NonEvictingRedisKeepsRoomForTheBucketsTest {
    private static String info(long used, long max, String policy) {
        return "# Memory\r\nused_memory:" + used + "\r\nused_memory_human:1M\r\nmaxmemory:" + max
                + "\r\nmaxmemory_human:0B\r\nmaxmemory_policy:" + policy + "\r\n";
    }

    @Test
    void aNonEvictingRedisStopsTakingAnswersAtTheShare() {
        assertTrue(RedisMemory.parse(info(700, 1000, "noeviction")).roomToStore(0.75));
        assertFalse(RedisMemory.parse(info(750, 1000, "noeviction")).roomToStore(0.75));
    }

    @Test
    void anEvictingOrUnlimitedRedisAlwaysTakesAnswers() {
        assertTrue(RedisMemory.parse(info(990, 1000, "allkeys-lru")).roomToStore(0.75));
        assertTrue(RedisMemory.parse(info(5_000_000, 0, "noeviction")).roomToStore(0.75));
    }

    @Test
    void infoIsRead() {
        assertEquals(new RedisMemory(123, 456, "volatile-lru"), RedisMemory.parse(info(123, 456, "volatile-lru")));
    }
}
