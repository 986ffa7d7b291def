package dev.conclave.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conclave.llm.routing.TestConfig;
import dev.conclave.model.PanelRoles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServedRoleWithoutItsFilesRefusesToStartTest {
    private static final PanelRoles PANEL = PanelRoles.read(key -> Optional.ofNullable(Map.of(
            PanelRoles.PANEL, "architect,deployment,business,performance").get(key)));

    @Test
    void theShippedRolesAndTheSynthesisHaveTheirPromptsAndSchemas() {
        ServedRoles served = new ServedRoles(PanelRoles.defaults(), TestConfig.of(Map.of()));

        served.require(List.of("architect", "deployment", "business", PanelRoles.SYNTHESIS), "conclave.worker.roles");
    }

    @Test
    void aDefinedRoleWithoutPromptOrSchemaIsRefusedSayingWhatIsMissingAndWhere() {
        ServedRoles served = new ServedRoles(PANEL, TestConfig.of(Map.of()));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> served.require(List.of("architect", "performance"), "conclave.worker.roles"));

        assertEquals("""
                the roles this service serves cannot be answered:
                  - role 'performance' has no prompt: add prompts/performance/v1.txt to the class path (llm-client's\
                 resources), or set conclave.llm.roles.performance.prompt-version to a version it has
                  - role 'performance' has no schema: add schemas/performance.json (a JSON schema of its answer) to\
                 the class path (llm-client's resources)""", refused.getMessage());
    }

    @Test
    void aPromptVersionTheRoleDoesNotHaveIsRefused() {
        ServedRoles served = new ServedRoles(PANEL, TestConfig.of(Map.of("conclave.llm.roles.architect.prompt-version",
                "v9")));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> served.require(List.of("architect"), "conclave.worker.roles"));

        assertEquals(true, refused.getMessage().contains("add prompts/architect/v9.txt"), refused.getMessage());
    }

    @Test
    void aRoleThePanelDoesNotDefineIsRefused() {
        ServedRoles served = new ServedRoles(PanelRoles.defaults(), TestConfig.of(Map.of()));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> served.require(List.of("architekt"), "conclave.worker.roles"));

        assertEquals("""
                the roles this service serves cannot be answered:
                  - conclave.worker.roles names 'architekt', which the panel does not define: add it to\
                 conclave.roles.panel [architect, deployment, business] (with its prompt and schema), or serve one of\
                 those""", refused.getMessage());
    }
}
