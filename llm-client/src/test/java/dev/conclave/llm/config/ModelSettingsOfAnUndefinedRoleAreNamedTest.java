package dev.conclave.llm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.llm.routing.TestConfig;
import dev.conclave.model.PanelRoles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** conclave.llm.roles.<role> keyed by a name the panel does not define is warned about at start: likely a typo. */
class ModelSettingsOfAnUndefinedRoleAreNamedTest {

    @Test
    void aMisspelledRoleIsNamedWithThePanel() {
        LlmConfig config = TestConfig.of(Map.of("conclave.llm.roles.architect.max-tokens", "2000",
                "conclave.llm.roles.aggregator.max-tokens", "2000",
                "conclave.llm.roles.bussiness.chain", "offline/conclave-offline-1"));

        assertEquals(List.of("conclave.llm.roles.bussiness.* configures role 'bussiness', which the panel does not"
                        + " define (conclave.roles.panel [architect, deployment, business]): it is ignored; a typo?"),
                LlmConfigValidator.undefinedRoles(config, PanelRoles.defaults()));
    }
}
