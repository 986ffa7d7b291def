package dev.conclave.systemtests.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The fleet's admin API key: random for each launch, written to a file of mode 0600 that every gateway of the
 * fleet reads at start ({@code CONCLAVE_AUTH_BOOTSTRAP_KEY_FILE}), and sent by every client of the tests
 * ({@link ScanApi}, {@link ReplayApi}, and {@code CONCLAVE_API_KEY} for a CLI process). A gateway that does not
 * check keys ignores the header, so the tests run the same before and after keys are enforced.
 *
 * @param key  the key text, {@code cnk_<8-char prefix>_<secret>}
 * @param file where it is written
 */
public record BootstrapKey(String key, Path file) {
    /** The gateway's setting naming the file. */
    public static final String FILE_ENV = "CONCLAVE_AUTH_BOOTSTRAP_KEY_FILE";
    /** The CLI's variable for the key itself. */
    public static final String CLI_ENV = "CONCLAVE_API_KEY";

    /** A new random key in {@code directory}/bootstrap.key, replacing an earlier launch's. */
    static BootstrapKey create(Path directory) {
        SecureRandom random = new SecureRandom();
        byte[] prefix = new byte[4];
        byte[] secret = new byte[32];
        random.nextBytes(prefix);
        random.nextBytes(secret);
        String key = "cnk_" + HexFormat.of().formatHex(prefix) + "_" + HexFormat.of().formatHex(secret);
        Path file = directory.resolve("bootstrap.key");
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(file);
            // Created with its mode, not chmod-ed afterwards: the key is never readable by others.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fleet's bootstrap key to " + file, e);
        }
        return new BootstrapKey(key, file);
    }

    /** The {@code Authorization} header's value. */
    public String bearer() {
        return "Bearer " + key;
    }

    /** Never the key: records get printed in failures. */
    @Override
    public String toString() {
        return "bootstrap key " + key.substring(0, Math.min(12, key.length())) + "… in " + file;
    }
}
