package dev.conclave.llm.support;

import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.StaticScores;
import java.util.List;

/** Digests shaped like the scanner's, for tests that need a project to analyse. */
public final class SampleDigests {
    private SampleDigests() {
    }

    /** A small Python web service without a Dockerfile. */
    public static ScanDigest greeter() {
        ProjectFacts facts = new ProjectFacts(true, true, false, false, false, false, false, 2, 10,
                List.of(), List.of("app/main.py"), List.of("pyproject.toml"));
        return new ScanDigest("greeter", 14, 9_000, List.of(new LanguageStat("Python", 10, 800),
                new LanguageStat("Markdown", 1, 40)), List.of("README.md", "app/main.py"), false,
                new FileExcerpt("README.md", "# Greeter\n\nGreets people by name over HTTP.\n", false),
                List.of(), facts, new StaticScores(6.0, 10, 60));
    }
}
