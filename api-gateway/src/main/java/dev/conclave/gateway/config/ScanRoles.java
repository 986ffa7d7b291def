package dev.conclave.gateway.config;

import dev.conclave.model.PanelRoles;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The roles a scan may ask for (the panel, shared-model's {@link PanelRoles}) and the roles of a
 * scan that names none. Read at start, so a panel that cannot work stops the gateway with the setting to fix.
 */
@Startup
@Singleton
public class ScanRoles {
    private final PanelRoles panel;
    private final List<String> defaults;

    public ScanRoles(Config config, ScanConfig scans) {
        this.panel = PanelRoles.read(key -> config.getOptionalValue(key, String.class));
        this.defaults = scans.defaultRoles().map(List::copyOf).orElse(panel.names());
        List<String> undefined = defaults.stream().filter(role -> !panel.isSpecialist(role)).toList();
        if (defaults.isEmpty() || !undefined.isEmpty()) {
            throw new IllegalStateException("conclave.scan.default-roles names " + (defaults.isEmpty() ? "no role"
                    : "roles the panel does not define: " + undefined) + "; it names some of " + panel.names()
                    + " (" + panel.setting() + "), or is left unset for all of them");
        }
    }

    public PanelRoles panel() {
        return panel;
    }

    /** Roles of a scan that names none. */
    public List<String> defaults() {
        return defaults;
    }
}
