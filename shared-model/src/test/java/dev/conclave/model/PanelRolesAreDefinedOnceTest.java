package dev.conclave.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PanelRolesAreDefinedOnceTest {

    @Test
    void theShippedPanelIsTheThreeSpecialistsWithTheirTitles() {
        PanelRoles panel = PanelRoles.defaults();

        assertEquals(List.of("architect", "deployment", "business"), panel.names());
        assertEquals("Architect analysis", panel.title("architect"));
        assertEquals(Optional.of("problem_solved"), panel.role("business").orElseThrow().headline());
        assertEquals("Aggregated insights", panel.title(PanelRoles.SYNTHESIS));
        assertFalse(panel.isSpecialist(PanelRoles.SYNTHESIS));
    }

    @Test
    void aFourthRoleIsANameInThePanelAndShowsAfterTheOthers() {
        PanelRoles panel = PanelRoles.read(settings(Map.of(PanelRoles.PANEL, "architect, deployment,business,security",
                "conclave.roles.security.title", "Security review")));

        assertTrue(panel.isSpecialist("security"));
        assertEquals("Security review", panel.title("security"));
        assertEquals(Optional.empty(), panel.role("security").orElseThrow().headline());
        assertTrue(panel.order("business") < panel.order("security"));
        assertTrue(panel.order("security") < panel.order(PanelRoles.SYNTHESIS));
        assertEquals("Performance analysis", panel.title("performance"));
    }

    @Test
    void theOlderSettingStillNamesThePanelWhenSet() {
        PanelRoles panel = PanelRoles.read(settings(Map.of(PanelRoles.PANEL, "architect,deployment,business",
                PanelRoles.KNOWN_ROLES, "architect,security")));

        assertEquals(List.of("architect", "security"), panel.names());
    }

    @Test
    void aPanelThatCannotWorkIsRefusedNamingTheSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PanelRoles.read(settings(
                Map.of(PanelRoles.PANEL, "architect,Bad Name,aggregator,architect"))));

        assertEquals("the panel's roles cannot work: conclave.roles.panel names 'architect' twice;"
                + " conclave.roles.panel names 'Bad Name'; a role's name is lower-case letters, digits, '_' or '-'"
                + " (at most 40, a letter first); conclave.roles.panel names 'aggregator', the synthesis role;"
                + " it is not a specialist", refused.getMessage());
        assertThrows(IllegalStateException.class, () -> PanelRoles.read(settings(Map.of(PanelRoles.PANEL, " "))));
    }

    private static java.util.function.Function<String, Optional<String>> settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
