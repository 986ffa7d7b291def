package dev.conclave.llm.cache;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.openai.ChatRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Answers already paid for, in Redis. Placeholder: computes keys, stores nothing yet.
 */
@ApplicationScoped
public class ResponseCache {

    /** The key of a request to a model. */
    public CacheKey key(ModelRef model, ChatRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((model + "\n" + request.system() + "\n" + request.user()).getBytes(StandardCharsets.UTF_8));
            return new CacheKey(HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored answer, recording a HIT or a MISS. Never throws: an unreachable cache is a miss. */
    public Optional<CachedAnswer> lookup(CacheKey key, CallScope scope) {
        return Optional.empty();
    }

    /** Stores a schema-valid answer, recording a STORE. Never throws. */
    public void store(CacheKey key, CachedAnswer answer, CallScope scope) {
    }

    /** Records that the scan asked to bypass the cache. */
    public void bypassed(CacheKey key, CallScope scope) {
    }
}
