package dev.conclave.buckets;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One Lua script, run with {@code EVALSHA} so only its digest travels on each call; when Redis
 * does not know it (a restarted or fresh server answers {@code NOSCRIPT}) the source is sent once.
 */
public record RedisScript(String name, String source, String sha1) {

    public static RedisScript of(String name, String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new RedisScript(name, source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** Runs the script, waiting at most {@code timeout}; any failure surfaces as the exception Mutiny reports. */
    public Response run(ReactiveRedisDataSource redis, Duration timeout, List<String> keys, List<String> args) {
        try {
            return redis.execute("EVALSHA", arguments(sha1, keys, args)).await().atMost(timeout);
        } catch (RuntimeException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
                throw e;
            }
            return redis.execute("EVAL", arguments(source, keys, args)).await().atMost(timeout);
        }
    }

    private static String[] arguments(String script, List<String> keys, List<String> args) {
        List<String> all = new ArrayList<>(keys.size() + args.size() + 2);
        all.add(script);
        all.add(Integer.toString(keys.size()));
        all.addAll(keys);
        all.addAll(args);
        return all.toArray(String[]::new);
    }
}
