package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DocumentationQualityScoreTest {

    /** Code without a single comment, so only the documentation under test moves the score. */
    private static final ProjectFile CODE = new ProjectFile("src/app.py", "def run():\n    return 1\n");

    private int documentation(ProjectFile... extra) {
        return ScoresOf.project("docs", CODE, extra).documentationQualityPercent();
    }

    private static ProjectFile readme(String text) {
        return new ProjectFile("README.md", text);
    }

    @Test
    void undocumentedCodeScoresZero() {
        assertEquals(0, documentation());
    }

    @Test
    void aReadmeRaisesDocumentationQuality() {
        assertEquals(DocumentationQualityScore.README, documentation(readme("# App\n\nDoes things.\n")));
    }

    @Test
    void readmeSectionsRaiseDocumentationQuality() {
        int bare = documentation(readme("# App\n\nDoes things.\n"));
        int withSections = documentation(readme("""
                # App

                ## Installation
                pip install app

                ## Usage
                app run

                ## Configuration
                Set APP_PORT.

                ## License
                MIT
                """));

        assertEquals(bare + 35, withSections);
    }

    @Test
    void sectionKeywordsInBodyTextOrCodeBlocksAreNotSections() {
        int score = documentation(readme("""
                # App

                To install, run the usage script with your configuration.

                ```sh
                # install
                pip install app
                ```
                """));

        assertEquals(DocumentationQualityScore.README, score);
    }

    @Test
    void recognisesUnderlinedAndHtmlHeadings() {
        String readme = "App\n===\n\nGetting started\n---------------\n\n<h2 align=\"center\">Usage</h2>\n";

        assertEquals(EnumSet.of(ReadmeSection.INSTALL, ReadmeSection.USAGE), ReadmeSection.foundIn(readme));
    }

    @Test
    void aDocsFolderAndALicenceFileRaiseDocumentationQuality() {
        assertEquals(DocumentationQualityScore.DOCS_FOLDER, documentation(new ProjectFile("docs/guide.md", "# Guide\n")));
        assertEquals(DocumentationQualityScore.LICENCE_FILE, documentation(new ProjectFile("LICENSE", "MIT\n")));
    }

    @Test
    void commentedCodeRaisesDocumentationQuality() {
        int uncommented = documentation();
        int commented = documentation(new ProjectFile("src/explained.py",
                "\"\"\"Why this module exists.\"\"\"\n\n# The retry makes flaky networks survivable.\ndef retry():\n    pass\n"));

        assertTrue(commented > uncommented, () -> commented + " should beat " + uncommented);
    }
}
