package dev.conclave.model;

import java.util.List;

/**
 * Facts found in the file tree, which the static scores and the offline provider reason from.
 *
 * @param testFiles    files that look like tests (by folder or name)
 * @param sourceFiles  files in a recognised programming language
 * @param ciWorkflows  CI definitions found (.github/workflows/*, .gitlab-ci.yml, ...)
 * @param entryPoints  files that look like a program's entry (main.py, Main.java, index.ts, ...)
 */
public record ProjectFacts(
        boolean hasReadme,
        boolean hasLicense,
        boolean hasDockerfile,
        boolean hasCompose,
        boolean hasKubernetes,
        boolean hasEnvExample,
        boolean hasDocsFolder,
        int testFiles,
        int sourceFiles,
        List<String> ciWorkflows,
        List<String> entryPoints,
        List<String> manifests) {

    public ProjectFacts {
        ciWorkflows = List.copyOf(ciWorkflows);
        entryPoints = List.copyOf(entryPoints);
        manifests = List.copyOf(manifests);
    }

    public boolean hasTests() {
        return testFiles > 0;
    }

    public boolean hasCi() {
        return !ciWorkflows.isEmpty();
    }
}
