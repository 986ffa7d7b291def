package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.StaticScores;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A reader can check every static score: adding up its findings' points gives the score exactly. */
class FindingsAddUpToScoresTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    static Stream<FixtureProject> projects() {
        return Stream.concat(FixtureProject.all().stream(), Stream.of(neglected(), new FixtureProject("empty")));
    }

    /** Everything that costs points and nothing that earns them, so the sum falls below zero and is clamped. */
    static FixtureProject neglected() {
        FixtureProject project = new FixtureProject("neglected");
        StringBuilder branchy = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            branchy.append("if a").append(i).append(" and b or c: x = ").append(i).append("  # TODO\n");
        }
        project.file("app/huge.py", branchy.toString());
        project.file("app/copy.py", branchy.toString());
        return project;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void eachScoreIsTheSumOfItsFindings(FixtureProject project) {
        StaticScores scores = scanner.scan(project.asProjectFiles(), project.name).scores();

        assertSameNumber(scores.codeQuality(), sum(scores, ScoreSheet.CODE_QUALITY));
        assertSameNumber(scores.deploymentReadinessPercent(), sum(scores, ScoreSheet.DEPLOYMENT_READINESS));
        assertSameNumber(scores.documentationQualityPercent(), sum(scores, ScoreSheet.DOCUMENTATION_QUALITY));
        assertTrue(scores.findings().stream().allMatch(f -> Set.of(ScoreSheet.CODE_QUALITY, ScoreSheet.DEPLOYMENT_READINESS,
                ScoreSheet.DOCUMENTATION_QUALITY).contains(f.score())), scores.findings()::toString);
    }

    @Test
    void aSumBelowZeroIsClampedByAFindingThatSaysSo() {
        ScanDigest digest = scanner.scan(neglected().asProjectFiles(), "neglected");

        assertEquals(0.0, digest.scores().codeQuality());
        List<String> costs = new ArrayList<>();
        for (ScoreFinding finding : digest.scores().findings()) {
            if (finding.points() < 0) {
                costs.add(finding.signal());
            }
        }
        assertEquals(List.of("todo_density", "large_files", "branch_density", "duplication"), costs);
        assertTrue(digest.scores().findings().stream().anyMatch(f -> f.signal().equals("clamp") && f.points() > 0),
                digest.scores().findings()::toString);
    }

    /** Decimal arithmetic, so that 0.1 + 0.2 checks as 0.3. */
    private static BigDecimal sum(StaticScores scores, String score) {
        BigDecimal total = scores.findings().stream()
                .filter(f -> f.score().equals(score))
                .map(f -> BigDecimal.valueOf(f.points()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return total;
    }

    private static void assertSameNumber(double score, BigDecimal sumOfFindings) {
        assertEquals(0, BigDecimal.valueOf(score).compareTo(sumOfFindings), () -> "score " + score + ", findings add up to "
                + sumOfFindings.toPlainString());
    }
}
