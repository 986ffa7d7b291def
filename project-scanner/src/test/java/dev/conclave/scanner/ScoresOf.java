package dev.conclave.scanner;

import dev.conclave.model.StaticScores;
import java.util.ArrayList;
import java.util.List;

/** The static scores the scanner gives a small project made of a file and a few more beside it. */
final class ScoresOf {
    private static final ProjectScanner SCANNER = new ProjectScanner(ScanLimits.defaults());

    private ScoresOf() {
    }

    static StaticScores project(String name, ProjectFile first, ProjectFile... more) {
        List<ProjectFile> files = new ArrayList<>(List.of(first));
        files.addAll(List.of(more));
        return SCANNER.scan(files, name).scores();
    }
}
