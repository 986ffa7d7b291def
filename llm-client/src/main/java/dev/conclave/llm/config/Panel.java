package dev.conclave.llm.config;

import dev.conclave.model.PanelRoles;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** The panel's roles ({@link PanelRoles}) as the service using llm-client is configured. */
public class Panel {

    @Produces
    @Singleton
    PanelRoles panel(Config config) {
        return PanelRoles.read(key -> config.getOptionalValue(key, String.class));
    }
}
