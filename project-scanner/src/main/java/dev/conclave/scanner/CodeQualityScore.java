package dev.conclave.scanner;

import dev.conclave.model.ProjectFacts;
import java.util.Locale;

/**
 * Code quality, 0 to 10 in tenths, from what the file tree shows about how the code is looked after.
 * It cannot judge the code itself; the models do that. The score is the sum of its findings
 * ({@link ScoreSheet}); the signals and their points:
 *
 * <pre>
 *   no source files   → a single no_source finding, 0.0 (nothing to judge)
 *   base              BASE
 *   size              0 (what was measured: source files, code lines, test files)
 *   tests             TESTS_PRESENT if any test file exists
 *   test_ratio        TEST_RATIO × min(1, (test files / non-test source files) / TARGET_TEST_RATIO)
 *   lint_config       LINT_CONFIG if a linter or formatter is configured
 *   todo_density      − min(MAX_TODO_PENALTY, TODO_PENALTY_PER_DENSITY × TODO/FIXME per 1000 source lines)
 *   large_files       − min(MAX_LARGE_FILE_PENALTY, LARGE_FILE_PENALTY × source files over 1000 lines)
 *   branch_density    − min(MAX_BRANCH_PENALTY, BRANCH_PENALTY_SLOPE × max(0, branch points per code line − BRANCH_DENSITY_ALLOWED))
 *   duplication       − min(MAX_DUPLICATION_PENALTY, DUPLICATION_PENALTY_SLOPE × max(0, duplicated share − DUPLICATION_ALLOWED))
 *   clamp             brings a sum below 0 back to 0
 * </pre>
 *
 * branch_density and duplication need at least {@link #MIN_CODE_LINES_FOR_SHAPE} code lines; below
 * that they are 0 (a handful of lines says nothing about either).
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
    /**
     * Ordinary code has roughly one branch point per 6 to 10 code lines; past one per four lines, code is
     * mostly decisions and hard to test. The full point is lost at 0.45 per line.
     */
    static final double BRANCH_DENSITY_ALLOWED = 0.25;
    static final double BRANCH_PENALTY_SLOPE = 5.0;
    static final double MAX_BRANCH_PENALTY = 1.0;
    /** Some repetition is normal (tests, boilerplate); past 5 % of code in repeated runs it is copying. Full 1.5 at 25 %. */
    static final double DUPLICATION_ALLOWED = 0.05;
    static final double DUPLICATION_PENALTY_SLOPE = 7.5;
    static final double MAX_DUPLICATION_PENALTY = 1.5;
    static final long MIN_CODE_LINES_FOR_SHAPE = 100;

    static ScoreSheet of(ScoreSignals signals) {
        ProjectFacts facts = signals.facts();
        ScoreSheet sheet = new ScoreSheet(ScoreSheet.CODE_QUALITY, 10);
        if (facts.sourceFiles() == 0) {
            return sheet.add("no_source", 0, "no source files in a known programming language: nothing to judge");
        }
        sheet.add("base", BASE, "source code starts at " + BASE + "; good habits have to show in the tree");
        sheet.add("size", 0, facts.sourceFiles() + " source files (" + facts.testFiles() + " of them tests), "
                + signals.codeLines() + " code lines; the largest is " + signals.largestSource() + " with "
                + signals.largestSourceLines() + " lines");

        if (facts.hasTests()) {
            int nonTestSources = Math.max(1, facts.sourceFiles() - facts.testFiles());
            double ratio = (double) facts.testFiles() / nonTestSources;
            sheet.add("tests", TESTS_PRESENT, facts.testFiles() + " test files, e.g. " + signals.example(FileCategory.TEST).orElse("?"));
            sheet.add("test_ratio", TEST_RATIO * Math.min(1.0, ratio / TARGET_TEST_RATIO), String.format(Locale.ROOT,
                    "%d test files per %d other source files (%.2f); %.1f earns the full share",
                    facts.testFiles(), nonTestSources, ratio, TARGET_TEST_RATIO));
        } else {
            sheet.add("tests", 0, "no test files found (test folders, *Test.java, test_*.py, *.test.ts, *_test.go, ...)");
        }

        sheet.add("lint_config", signals.has(FileCategory.LINT_CONFIG) ? LINT_CONFIG : 0, signals.example(FileCategory.LINT_CONFIG)
                .map(path -> "linter or formatter configured in " + path)
                .orElse("no linter or formatter configuration found"));

        double todosPerThousandLines = signals.todoMarkers() * 1000.0 / Math.max(1, signals.sourceLines());
        sheet.add("todo_density", -Math.min(MAX_TODO_PENALTY, TODO_PENALTY_PER_DENSITY * todosPerThousandLines),
                String.format(Locale.ROOT, "%d TODO/FIXME markers in %d source lines (%.1f per 1000 lines)",
                        signals.todoMarkers(), signals.sourceLines(), todosPerThousandLines));

        sheet.add("large_files", -Math.min(MAX_LARGE_FILE_PENALTY, LARGE_FILE_PENALTY * signals.veryLargeSourceFiles()),
                signals.veryLargeSourceFiles() + " source files over " + VERY_LARGE_FILE_LINES + " lines or too large to read");

        if (signals.codeLines() < MIN_CODE_LINES_FOR_SHAPE) {
            sheet.add("branch_density", 0, "only " + signals.codeLines() + " code lines; complexity not judged below "
                    + MIN_CODE_LINES_FOR_SHAPE);
            sheet.add("duplication", 0, "only " + signals.codeLines() + " code lines; duplication not judged below "
                    + MIN_CODE_LINES_FOR_SHAPE);
        } else {
            double density = (double) signals.branchPoints() / signals.codeLines();
            sheet.add("branch_density",
                    -Math.min(MAX_BRANCH_PENALTY, BRANCH_PENALTY_SLOPE * Math.max(0, density - BRANCH_DENSITY_ALLOWED)),
                    String.format(Locale.ROOT, "%d branch points in %d code lines (%.2f per line; above %.2f costs)",
                            signals.branchPoints(), signals.codeLines(), density, BRANCH_DENSITY_ALLOWED));
            double share = signals.codeWindows() == 0 ? 0 : (double) signals.duplicatedWindows() / signals.codeWindows();
            sheet.add("duplication",
                    -Math.min(MAX_DUPLICATION_PENALTY, DUPLICATION_PENALTY_SLOPE * Math.max(0, share - DUPLICATION_ALLOWED)),
                    String.format(Locale.ROOT, "%d of %d runs of %d code lines occur more than once (%.1f %%; above %.0f %% costs)",
                            signals.duplicatedWindows(), signals.codeWindows(), CodeShape.WINDOW_LINES, share * 100,
                            DUPLICATION_ALLOWED * 100));
        }
        return sheet.clamp(0, 10);
    }

    private CodeQualityScore() {
    }
}
