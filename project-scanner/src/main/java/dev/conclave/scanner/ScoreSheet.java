package dev.conclave.scanner;

import dev.conclave.model.ScoreFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * One static score being added up, finding by finding. Each finding's points are rounded to the
 * score's unit (0.1 for code quality, 1 for the percentages) when it is written down, and the score
 * is the sum of the written points, so a reader adding up {@code StaticScores.findings} of one score
 * gets exactly the score. When the sum leaves the score's range, a {@code clamp} finding brings it
 * back, so the rule still holds.
 *
 * <p>Findings with 0 points are kept on purpose: "no Dockerfile found" tells a reader (and a model)
 * what would raise the score.
 */
final class ScoreSheet {

    static final String CODE_QUALITY = "code_quality";
    static final String DEPLOYMENT_READINESS = "deployment_readiness";
    static final String DOCUMENTATION_QUALITY = "documentation_quality";

    private final String score;
    /** Units per point: 10 for tenths, 1 for whole points. Sums are kept in units, so they are exact. */
    private final int unitsPerPoint;
    private final List<ScoreFinding> findings = new ArrayList<>();
    private long totalUnits;

    ScoreSheet(String score, int unitsPerPoint) {
        this.score = score;
        this.unitsPerPoint = unitsPerPoint;
    }

    ScoreSheet add(String signal, double points, String detail) {
        long units = Math.round(points * unitsPerPoint);
        totalUnits += units;
        findings.add(new ScoreFinding(score, signal, (double) units / unitsPerPoint, detail));
        return this;
    }

    /** Adds a {@code clamp} finding when the sum so far is outside {@code min..max}. */
    ScoreSheet clamp(double min, double max) {
        double total = value();
        if (total < min) {
            add("clamp", min - total, "the findings add up to " + format(total) + ", below the lowest score " + format(min));
        } else if (total > max) {
            add("clamp", max - total, "the findings add up to " + format(total) + ", above the highest score " + format(max));
        }
        return this;
    }

    double value() {
        return (double) totalUnits / unitsPerPoint;
    }

    List<ScoreFinding> findings() {
        return List.copyOf(findings);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
