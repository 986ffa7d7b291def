package dev.conclave.scanner;

import dev.conclave.model.ProjectFacts;

/**
 * Code quality, 0 to 10 with one decimal, from what the file tree shows about how the code is
 * looked after. It cannot judge the code itself; the models do that. Formula:
 *
 * <pre>
 *   no source files            → 0.0 (nothing to judge)
 *   otherwise  BASE
 *            + TESTS_PRESENT                      if any test file exists
 *            + TEST_RATIO × min(1, ratio / TARGET_TEST_RATIO)
 *                  where ratio = test files / non-test source files
 *            + LINT_CONFIG                        if a linter or formatter is configured
 *            − min(MAX_TODO_PENALTY, TODO_PENALTY_PER_DENSITY × TODO/FIXME per 1000 source lines)
 *            − min(MAX_LARGE_FILE_PENALTY, LARGE_FILE_PENALTY × source files over 1000 lines)
 *   clamped to 0..10, rounded to one decimal
 * </pre>
 */
final class CodeQualityScore {

    /** Source code with no evidence either way sits below the middle: good habits have to show. */
    static final double BASE = 4.0;
    /** Having tests at all is the strongest single signal a tree gives about care for the code. */
    static final double TESTS_PRESENT = 2.0;
    /** How far the tests reach: one test file per two source files earns the full share. */
    static final double TEST_RATIO = 2.0;
    static final double TARGET_TEST_RATIO = 0.5;
    /** A configured linter or formatter means style is enforced by a tool, not by memory. */
    static final double LINT_CONFIG = 2.0;
    /** A quarter point per TODO/FIXME per thousand lines: 4 per KLOC cost a point; capped so notes never dominate. */
    static final double TODO_PENALTY_PER_DENSITY = 0.25;
    static final double MAX_TODO_PENALTY = 1.5;
    /** Files this long are hard to review and usually do too many things. */
    static final long VERY_LARGE_FILE_LINES = 1000;
    static final double LARGE_FILE_PENALTY = 0.5;
    static final double MAX_LARGE_FILE_PENALTY = 1.5;

    static double of(ScoreSignals signals) {
        ProjectFacts facts = signals.facts();
        if (facts.sourceFiles() == 0) {
            return 0.0;
        }
        double score = BASE;
        if (facts.hasTests()) {
            score += TESTS_PRESENT;
            int nonTestSources = Math.max(1, facts.sourceFiles() - facts.testFiles());
            double ratio = (double) facts.testFiles() / nonTestSources;
            score += TEST_RATIO * Math.min(1.0, ratio / TARGET_TEST_RATIO);
        }
        if (signals.hasLintConfig()) {
            score += LINT_CONFIG;
        }
        double todosPerThousandLines = signals.todoMarkers() * 1000.0 / Math.max(1, signals.sourceLines());
        score -= Math.min(MAX_TODO_PENALTY, TODO_PENALTY_PER_DENSITY * todosPerThousandLines);
        score -= Math.min(MAX_LARGE_FILE_PENALTY, LARGE_FILE_PENALTY * signals.veryLargeSourceFiles());
        double clamped = Math.max(0.0, Math.min(10.0, score));
        return Math.round(clamped * 10.0) / 10.0;
    }

    private CodeQualityScore() {
    }
}
