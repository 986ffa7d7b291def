package dev.conclave.gateway.intake;

import dev.conclave.gateway.service.InvalidScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A request body read as a stream that is refused with 413 the moment it crosses its limit, so an
 * oversized body is never held in memory whole. The refusal names the limit and its property.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** {@code in}, refused once more than {@code max} bytes were read from it. */
    public static InputStream of(InputStream in, long max, String property) {
        return new CountingInputStream(in, total -> {
            if (total > max) {
                throw InvalidScanException.tooLarge("body", "the request body is over %d bytes; the limit is %d (%s), checked while reading; nothing was stored"
                        .formatted(max, max, property));
            }
        });
    }

    /** The whole body as UTF-8 text, for small bodies; refused once it crosses {@code max} bytes. */
    public static String readText(InputStream in, long max, String property) {
        if (in == null) {
            return "";
        }
        try (InputStream body = of(in, max, property)) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read: " + e.getMessage(), e);
        }
    }
}
