package dev.conclave.scanner;

import dev.conclave.model.ProjectKind;
import java.util.List;
import java.util.Optional;

/**
 * The kind of a project and what decided it, plus the pieces a library or a command-line tool is
 * judged by that only the manifests' text shows.
 *
 * @param kind         what the project is
 * @param evidence     what decided it, e.g. "pyproject.toml declares a package without a service framework"
 * @param packaging    the manifest that carries publishable package metadata, if any
 * @param distribution how users install the tool (a console script, an npm bin, a release build), if known
 * @param versioning   where the project's version is declared or its history kept, if anywhere
 * @param runsAService whether some part of it runs as a service (what a monorepo's deployment is judged by)
 */
record KindJudgement(ProjectKind kind, List<String> evidence, Optional<String> packaging,
        Optional<String> distribution, Optional<String> versioning, boolean runsAService) {

    KindJudgement {
        evidence = List.copyOf(evidence);
    }
}
