package dev.conclave.gateway.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Every gateway test's key: a random admin key of the operator tenant, written under target/ and
 * handed to the gateway as its bootstrap key file, as {@code ./conclave up} does. Applied to every test
 * of the module (see {@link GatewayTestResources}); {@link AuthenticatedRestAssured} sends it. No key
 * is ever in the repository.
 */
public class BootstrapKeyForTests implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path directory = Files.createDirectories(Path.of("target", "test-keys"));
            Path file = Files.createTempFile(directory, "bootstrap-", ".key",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, ApiKeyText.generate(new SecureRandom()).text() + "\n");
            return Map.of("conclave.auth.bootstrap-key-file", file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tests' bootstrap key under target/test-keys", e);
        }
    }

    @Override
    public void stop() {
        // The file stays under target/ (mvn clean removes it); its key is as good as the test database.
    }
}
