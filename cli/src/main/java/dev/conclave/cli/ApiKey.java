package dev.conclave.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API key every request to the gateway carries, and where it came from. Resolved in this one place, in
 * this order: {@code $CONCLAVE_API_KEY}, then the file {@code $CONCLAVE_API_KEY_FILE} names (which
 * {@code ./conclave} points at the local admin key it creates). There is deliberately no command-line option:
 * a key in argv is readable by every user of the machine through {@code ps}.
 *
 * <p>Without a key the CLI still runs and sends no {@code Authorization} header; a gateway that requires one
 * answers 401, and the message then says why no key was sent ({@link #source()}).
 *
 * @param secret the key text, or null when none was found
 * @param source where the key came from, or why there is none; never contains the key
 */
record ApiKey(String secret, String source) {

    static final String KEY_ENV = "CONCLAVE_API_KEY";
    static final String KEY_FILE_ENV = "CONCLAVE_API_KEY_FILE";
    /** A key file bigger than this is not a key file; reading stops there. */
    private static final int MAX_FILE_BYTES = 4096;
    /**
     * What a bearer token may contain (RFC 6750's b64token). Anything else (a newline, a space, a quote) would
     * corrupt the header or reveal that the file is not a key, so such a value is not sent at all.
     */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    /** Finds the key as described above; never fails: a missing or unreadable key is a key-less {@link ApiKey}. */
    static ApiKey resolve(Map<String, String> environment, Path workingDirectory) {
        String fromEnv = environment.get(KEY_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return checked(fromEnv.strip(), "$" + KEY_ENV);
        }
        String file = environment.get(KEY_FILE_ENV);
        if (file == null || file.isBlank()) {
            return none("neither $" + KEY_ENV + " nor $" + KEY_FILE_ENV + " is set");
        }
        Path path;
        try {
            path = workingDirectory.resolve(file.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return none("$" + KEY_FILE_ENV + " is not a valid path (" + e.getReason() + ")");
        }
        String where = "the file " + path + " ($" + KEY_FILE_ENV + ")";
        try (InputStream in = Files.newInputStream(path)) {
            String text = new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return none(where + " is empty");
            }
            return checked(text.lines().findFirst().orElse("").strip(), where);
        } catch (NoSuchFileException e) {
            return none(where + " does not exist (./conclave up creates the local one)");
        } catch (IOException e) {
            return none(where + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    static ApiKey none(String why) {
        return new ApiKey(null, "no key: " + why);
    }

    private static ApiKey checked(String text, String source) {
        if (!TOKEN.matcher(text).matches()) {
            return none(source + " holds characters an API key cannot have; it was not sent");
        }
        return new ApiKey(text, "the key " + prefixOf(text) + "… from " + source);
    }

    /** The value of the {@code Authorization} header, when there is a key. */
    Optional<String> authorization() {
        return secret == null ? Optional.empty() : Optional.of("Bearer " + secret);
    }

    /** {@code cnk_<prefix>} of a key in Conclave's format, else its first characters: enough to tell keys apart. */
    private static String prefixOf(String key) {
        int second = key.startsWith("cnk_") ? key.indexOf('_', 4) : -1;
        return second > 0 ? key.substring(0, second) : key.substring(0, Math.min(4, key.length()));
    }

    /** Never the key itself: options and failures get printed. */
    @Override
    public String toString() {
        return source;
    }
}
