package dev.conclave.scanner;

import dev.conclave.model.ProjectFacts;

/**
 * Documentation quality, 0 to 100. Formula (the weights add up to 100):
 *
 * <pre>
 *   README                      25
 *   README heading: install     10
 *   README heading: usage       10
 *   README heading: config      10
 *   README heading: licence      5
 *   docs/ or doc/ folder        15
 *   licence file                10
 *   comments                    COMMENTS × min(1, comment lines / non-blank source lines / TARGET_COMMENT_RATIO)
 * </pre>
 *
 * rounded to the nearest integer. A project without source files gets no comment share.
 */
final class DocumentationQualityScore {

    /** The README is where every reader starts; without it the rest is hard to find. */
    static final int README = 25;
    /** How to get it running and how to use it are what readers look for first. */
    static final int INSTALL_SECTION = 10;
    static final int USAGE_SECTION = 10;
    static final int CONFIGURATION_SECTION = 10;
    /** Smaller than the licence file: the section usually just points at it. */
    static final int LICENCE_SECTION = 5;
    /** A docs folder means documentation beyond a single page. */
    static final int DOCS_FOLDER = 15;
    static final int LICENCE_FILE = 10;
    /** Comments explain code where it is read; 15% comment lines earns the full share. */
    static final int COMMENTS = 15;
    static final double TARGET_COMMENT_RATIO = 0.15;

    static int of(ScoreSignals signals) {
        ProjectFacts facts = signals.facts();
        double score = 0;
        score += facts.hasReadme() ? README : 0;
        score += signals.readmeSections().contains(ReadmeSection.INSTALL) ? INSTALL_SECTION : 0;
        score += signals.readmeSections().contains(ReadmeSection.USAGE) ? USAGE_SECTION : 0;
        score += signals.readmeSections().contains(ReadmeSection.CONFIGURATION) ? CONFIGURATION_SECTION : 0;
        score += signals.readmeSections().contains(ReadmeSection.LICENCE) ? LICENCE_SECTION : 0;
        score += facts.hasDocsFolder() ? DOCS_FOLDER : 0;
        score += facts.hasLicense() ? LICENCE_FILE : 0;
        if (signals.nonBlankSourceLines() > 0) {
            double commentRatio = (double) signals.commentLines() / signals.nonBlankSourceLines();
            score += COMMENTS * Math.min(1.0, commentRatio / TARGET_COMMENT_RATIO);
        }
        return (int) Math.round(score);
    }

    private DocumentationQualityScore() {
    }
}
