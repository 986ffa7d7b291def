package dev.conclave.scanner;

import java.util.Locale;

/**
 * Documentation quality, 0 to 100: one finding per signal, the weights add up to 100 and the score is
 * the sum of the findings' points ({@link ScoreSheet}).
 *
 * <pre>
 *   readme                      README          20
 *   readme_install              heading          10
 *   readme_usage                heading          10
 *   readme_configuration        heading          10
 *   readme_licence              heading           5
 *   docs_folder                 docs/ or doc/    15
 *   api_docs                    OpenAPI/AsyncAPI spec, doc-site or API-doc generator config  10
 *   licence_file                LICENSE          5
 *   comments                    COMMENTS × min(1, comment lines / (code + comment lines) in source / TARGET_COMMENT_RATIO)
 * </pre>
 *
 * A project without source files gets no comment share.
 */
final class DocumentationQualityScore {

    /** The README is where every reader starts; without it the rest is hard to find. */
    static final int README = 20;
    /** How to get it running and how to use it are what readers look for first. */
    static final int INSTALL_SECTION = 10;
    static final int USAGE_SECTION = 10;
    static final int CONFIGURATION_SECTION = 10;
    /** Smaller than the others: the section usually just points at the licence file. */
    static final int LICENCE_SECTION = 5;
    /** A docs folder means documentation beyond a single page. */
    static final int DOCS_FOLDER = 15;
    /** A machine-readable API description or generated API docs let callers integrate without reading code. */
    static final int API_DOCS = 10;
    static final int LICENCE_FILE = 5;
    /** Comments explain code where it is read; 15% comment lines earns the full share. */
    static final int COMMENTS = 15;
    static final double TARGET_COMMENT_RATIO = 0.15;

    static ScoreSheet of(ScoreSignals signals) {
        ScoreSheet sheet = new ScoreSheet(ScoreSheet.DOCUMENTATION_QUALITY, 1);
        boolean hasReadme = signals.facts().hasReadme();
        sheet.add("readme", hasReadme ? README : 0, hasReadme ? "README at " + signals.readmePath() : "no README found");
        section(sheet, signals, ReadmeSection.INSTALL, "readme_install", INSTALL_SECTION, "installation or getting started");
        section(sheet, signals, ReadmeSection.USAGE, "readme_usage", USAGE_SECTION, "usage");
        section(sheet, signals, ReadmeSection.CONFIGURATION, "readme_configuration", CONFIGURATION_SECTION, "configuration");
        section(sheet, signals, ReadmeSection.LICENCE, "readme_licence", LICENCE_SECTION, "licence");
        sheet.add("docs_folder", signals.has(FileCategory.DOCS) ? DOCS_FOLDER : 0, signals.example(FileCategory.DOCS)
                .map(path -> "documentation folder, e.g. " + path).orElse("no docs/ or doc/ folder in the root"));
        sheet.add("api_docs", signals.has(FileCategory.API_DOCS) ? API_DOCS : 0, signals.example(FileCategory.API_DOCS)
                .map(path -> "API documentation in " + path)
                .orElse("no OpenAPI/AsyncAPI description or API-doc generator configuration found"));
        sheet.add("licence_file", signals.has(FileCategory.LICENCE) ? LICENCE_FILE : 0, signals.example(FileCategory.LICENCE)
                .map(path -> "licence in " + path).orElse("no LICENSE file in the root"));
        long nonBlank = signals.codeLines() + signals.commentLines();
        if (nonBlank == 0) {
            sheet.add("comments", 0, "no source lines to comment");
        } else {
            double ratio = (double) signals.commentLines() / nonBlank;
            sheet.add("comments", COMMENTS * Math.min(1.0, ratio / TARGET_COMMENT_RATIO), String.format(Locale.ROOT,
                    "%d comment lines of %d non-blank source lines (%.1f %%; %.0f %% earns the full share)",
                    signals.commentLines(), nonBlank, ratio * 100, TARGET_COMMENT_RATIO * 100));
        }
        return sheet;
    }

    private static void section(ScoreSheet sheet, ScoreSignals signals, ReadmeSection section, String signal, int weight,
            String what) {
        boolean found = signals.readmeSections().contains(section);
        sheet.add(signal, found ? weight : 0, found ? "README has a " + what + " heading"
                : signals.facts().hasReadme() ? "README has no " + what + " heading" : "no README, so no " + what + " section");
    }

    private DocumentationQualityScore() {
    }
}
