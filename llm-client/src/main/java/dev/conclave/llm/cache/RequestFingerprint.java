package dev.conclave.llm.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.model.SchemaVersions;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The bytes a {@link CacheKey} is the SHA-256 of. Every field is written as a 4-byte length and its
 * UTF-8 bytes, and absent values get their own marker, so no two different requests can produce
 * the same bytes by shifting text from one field into the next ("ab"+"c" vs "a"+"bc"). The
 * response schema is written as canonical JSON (object keys sorted at every level), so the same
 * schema built in a different order still hits.
 *
 * <p>Left out on purpose: the timeout and OpenRouter's {@code usage} flag, which change how a
 * request is sent but not what the model answers.
 */
final class RequestFingerprint {
    /** Bumped when this encoding changes, so old entries are simply never found again. */
    static final String FORMAT = "conclave-cache-key/1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);

    private RequestFingerprint() {
    }

    static CacheKey of(ModelRef model, ChatRequest request) {
        RequestFingerprint out = new RequestFingerprint();
        out.text(FORMAT);
        out.text(Integer.toString(SchemaVersions.REPORT));
        out.text(model.provider());
        out.text(model.model());
        // What goes on the wire as "model"; normally the same as the configured name.
        out.text(request.model());
        List<String[]> messages = new ArrayList<>();
        if (!request.system().isBlank()) {
            messages.add(new String[] {"system", request.system()});
        }
        messages.add(new String[] {"user", request.user()});
        out.text(Integer.toString(messages.size()));
        for (String[] message : messages) {
            out.text(message[0]);
            out.text(message[1]);
        }
        out.optional(request.temperature() == null ? null : Double.toString(request.temperature()));
        out.optional(request.maxTokens() == null ? null : Integer.toString(request.maxTokens()));
        ChatRequest.ResponseSchema schema = request.responseSchema();
        out.optional(schema == null ? null : schema.name());
        out.optional(schema == null ? null : canonical(schema.schema()).toString());
        return new CacheKey(HexFormat.of().formatHex(sha256(out.bytes.toByteArray())));
    }

    private void text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        bytes.writeBytes(ByteBuffer.allocate(5).put((byte) 1).putInt(utf8.length).array());
        bytes.writeBytes(utf8);
    }

    /** Absent is a single 0 byte; present is a 1 byte and the length-prefixed text. */
    private void optional(String value) {
        if (value == null) {
            bytes.write(0);
        } else {
            text(value);
        }
    }

    /** A copy of the tree with every object's keys in sorted order; array order is meaningful and kept. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = NODES.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                sorted.set(name, canonical(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
