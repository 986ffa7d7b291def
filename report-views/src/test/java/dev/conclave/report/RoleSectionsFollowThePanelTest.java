package dev.conclave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Role sections come in the panel's order (conclave.roles.panel) under their titles; a role it does not define comes after. */
class RoleSectionsFollowThePanelTest {

    @Test
    void sectionsAreInPanelOrderWithTheirTitlesWhateverOrderTheReportHasThem() {
        JsonNode report = WireJson.decode("""
                {"security_analysis": {"summary": "s"}, "business_analysis": {"problem_solved": "b"},
                 "architect_analysis": {"architecture_assessment": "a"}}""", JsonNode.class);

        List<ReportView.Section> sections = ReportView.of(report, List.of()).roleSections();

        assertEquals(List.of("architect", "business", "security"), sections.stream().map(ReportView.Section::key).toList());
        assertEquals(List.of("Architect analysis", "Business analysis", "Security analysis"),
                sections.stream().map(ReportView.Section::label).toList());
    }
}
