package dev.conclave.gateway.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * At start, checks the {@code conclave.auth.*} settings, then stores the key of {@code conclave.auth.bootstrap-key-file} (when the file exists) as the
 * operator tenant's "local admin", so the first key exists without a key. A file that holds no key
 * stops the start: a gateway nobody can use is worse than one that says why it did not start.
 */
@ApplicationScoped
public class BootstrapKey {
    private static final Logger LOG = Logger.getLogger(BootstrapKey.class);

    void onStart(@Observes StartupEvent start, AuthConfig config, ApiKeys keys) {
        ApiKeys.validate(config);
        if (config.bootstrapKeyFile().isEmpty()) {
            return;
        }
        Path file = config.bootstrapKeyFile().get();
        if (!Files.isRegularFile(file)) {
            LOG.infof("no bootstrap key file at %s (conclave.auth.bootstrap-key-file); no key stored from it", file);
            return;
        }
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bootstrap key file " + file
                    + " (conclave.auth.bootstrap-key-file): " + e.getMessage() + "; fix its permissions or unset it", e);
        }
        ApiKeyText key = ApiKeyText.parse(text).orElseThrow(() -> new IllegalStateException("the bootstrap key file "
                + file + " (conclave.auth.bootstrap-key-file) does not hold a key of the form cnk_<8 letters or digits>_"
                + "<32 or more letters, digits, '-' or '_'>; write one there (./conclave up does) or unset it"));
        warnIfOthersCanRead(file);
        boolean stored = keys.bootstrap(key);
        LOG.infof("bootstrap key %s from %s: %s", key.visiblePrefix(), file, stored ? "stored as the local admin"
                : "already stored");
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warnf("the bootstrap key file %s can be read by other users; chmod 600 it", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debugf("cannot read the permissions of %s: %s", file, e.getMessage());
        }
    }
}
