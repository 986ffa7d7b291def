package dev.conclave.llm.cache;

/**
 * Redis' memory as {@code INFO memory} reports it, to decide whether the cache may still write.
 *
 * @param usedBytes {@code used_memory}
 * @param maxBytes  {@code maxmemory}; 0 means no limit
 * @param policy    {@code maxmemory_policy}, e.g. {@code noeviction} or {@code allkeys-lru}
 */
record RedisMemory(long usedBytes, long maxBytes, String policy) {

    static RedisMemory parse(String info) {
        long used = 0;
        long max = 0;
        String policy = "noeviction";
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            switch (line.substring(0, colon)) {
                case "used_memory" -> used = Long.parseLong(value);
                case "maxmemory" -> max = Long.parseLong(value);
                case "maxmemory_policy" -> policy = value;
                default -> {
                }
            }
        }
        return new RedisMemory(used, max, policy);
    }

    /** Whether Redis makes room by dropping keys when full (any policy but {@code noeviction}). */
    boolean evicts() {
        return maxBytes > 0 && !"noeviction".equals(policy);
    }

    /**
     * Whether the cache may add an entry. A Redis that evicts makes its own room; one that does not
     * would refuse every write, the rate-limit buckets' included, once full, so the cache stops at
     * {@code share} of the limit and leaves the rest to them.
     */
    boolean roomToStore(double share) {
        return maxBytes == 0 || evicts() || usedBytes < (long) (share * maxBytes);
    }
}
