package dev.conclave.gateway.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Bytes of a dead letter as a client reads them: the text when they are valid UTF-8 (strictly, so
 * nothing is shown that was never sent), else base64.
 */
record Bytes(String text, String base64) {

    static Bytes of(byte[] bytes) {
        if (bytes == null) {
            return new Bytes(null, null);
        }
        return utf8(bytes).map(text -> new Bytes(text, null))
                .orElseGet(() -> new Bytes(null, Base64.getEncoder().encodeToString(bytes)));
    }

    static Optional<String> utf8(byte[] bytes) {
        try {
            // newDecoder() reports malformed input; String's constructor would replace it.
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
