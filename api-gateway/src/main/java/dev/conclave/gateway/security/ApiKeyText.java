package dev.conclave.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of an API key, {@code cnk_<prefix>_<secret>}: an 8-character visible prefix (shown in
 * lists and audit columns) and 43 characters of base62 from {@link SecureRandom} (256 bits). Only its
 * SHA-256 is stored; the text is shown once, when the key is created. {@link #toString()} never
 * shows the secret.
 */
public record ApiKeyText(String prefix, String secret) {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int PREFIX_LENGTH = 8;
    private static final int SECRET_LENGTH = 43;
    private static final Pattern FORMAT = Pattern.compile("cnk_([0-9A-Za-z]{8})_([0-9A-Za-z_-]{32,128})");

    /** A new key from {@code random}. */
    public static ApiKeyText generate(SecureRandom random) {
        return new ApiKeyText(randomText(random, PREFIX_LENGTH), randomText(random, SECRET_LENGTH));
    }

    /** The key {@code text} holds; empty when it is not a key's shape (nothing is looked up then). */
    public static Optional<ApiKeyText> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var match = FORMAT.matcher(text.strip());
        return match.matches() ? Optional.of(new ApiKeyText(match.group(1), match.group(2))) : Optional.empty();
    }

    /** The whole key, as the client sends it. */
    public String text() {
        return "cnk_" + prefix + "_" + secret;
    }

    /** The visible part, as lists and audit columns show it. */
    public String visiblePrefix() {
        return "cnk_" + prefix;
    }

    /** SHA-256 of the whole key, hex: what is stored and looked up. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return visiblePrefix() + "_…";
    }

    private static String randomText(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
