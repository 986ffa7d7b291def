package dev.conclave.scanner;

import dev.conclave.model.ProjectKind;
import java.util.Optional;

/**
 * Deployment readiness, 0 to 100, judged by what the kind of project needs to reach its users: a
 * service runs somewhere (an image, CI, orchestration, configuration, health checks), a library is
 * published (packaging metadata, a release workflow, versioning, CI), a command-line tool is
 * installed (a distribution, releases, versioning, CI, install instructions). One finding per piece,
 * worth its weight when the project has it and 0 when it does not (the finding then says what is
 * missing). Each kind's weights add up to 100, so the score is simply the sum of the findings' points.
 * A monorepo is judged as a service when some piece of it runs (an image, compose, Kubernetes, a
 * health endpoint), as a library otherwise; an unknown kind as a service.
 */
final class DeploymentReadinessScore {
    private static final String NO_CI = "no CI workflow found (.github/workflows, .gitlab-ci.yml, Jenkinsfile, ...)";

    /** A container image is the usual unit of deployment; without one every other piece waits. */
    static final int DOCKERFILE = 25;
    /** Automated build and test is what makes a deployment repeatable. */
    static final int CI = 20;
    /** Manifests or a chart mean someone already decided how it runs in a cluster. */
    static final int KUBERNETES = 15;
    /** Compose shows the service and its dependencies can be started together. */
    static final int COMPOSE = 10;
    /** An example environment file documents the configuration a deployment must supply. */
    static final int ENV_EXAMPLE = 10;
    /** Orchestrators and load balancers need a health endpoint to route and restart. */
    static final int HEALTH_ENDPOINT = 10;
    /** Declared infrastructure (Terraform, Bicep, ...) can be recreated rather than remembered. */
    static final int INFRASTRUCTURE_AS_CODE = 10;

    // --- a library -----------------------------------------------------------------------------
    /** Metadata a package index needs: without it there is nothing to publish. */
    static final int LIBRARY_PACKAGING = 30;
    /** A workflow that publishes tagged releases, so a release is not a maintainer's laptop. */
    static final int LIBRARY_RELEASE_WORKFLOW = 25;
    /** A declared version or a change log: users need to know what changed between releases. */
    static final int LIBRARY_VERSIONING = 20;
    static final int LIBRARY_CI = 25;

    // --- a command-line tool --------------------------------------------------------------------
    /** How users get the command: a console script, an npm bin, a binary crate, release binaries. */
    static final int CLI_DISTRIBUTION = 30;
    static final int CLI_RELEASE_WORKFLOW = 20;
    static final int CLI_VERSIONING = 15;
    static final int CLI_CI = 20;
    /** An install section in the README: a tool nobody can install has no users. */
    static final int CLI_INSTALL_INSTRUCTIONS = 15;

    static ScoreSheet of(ScoreSignals signals) {
        KindJudgement kind = signals.kind();
        ScoreSheet sheet = new ScoreSheet(ScoreSheet.DEPLOYMENT_READINESS, 1);
        // Worth nothing; it says what the rest of the sheet was judged as, and why.
        sheet.add("project_kind", 0, "judged as " + (kind.kind() == ProjectKind.UNKNOWN ? "a service (kind unknown)"
                : article(kind.kind().label())) + ": " + String.join("; ", kind.evidence()));
        switch (kind.kind()) {
            case LIBRARY -> library(sheet, signals);
            case CLI -> commandLineTool(sheet, signals);
            case MONOREPO -> {
                if (kind.runsAService()) {
                    service(sheet, signals);
                } else {
                    library(sheet, signals);
                }
            }
            case SERVICE, UNKNOWN -> service(sheet, signals);
        }
        return sheet;
    }

    private static String article(String label) {
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    private static void library(ScoreSheet sheet, ScoreSignals signals) {
        KindJudgement kind = signals.kind();
        sheet.add("packaging", kind.packaging().isPresent() ? LIBRARY_PACKAGING : 0, kind.packaging()
                .map("package metadata in "::concat)
                .orElse("no publishable package metadata (pyproject.toml [project], package.json, Cargo.toml [package], ...)"));
        releasesVersionAndCi(sheet, signals, LIBRARY_RELEASE_WORKFLOW,
                "no release workflow that publishes to a package index", LIBRARY_VERSIONING, LIBRARY_CI);
    }

    /** What a library and a command-line tool are both judged on, in this order: releases, a version, CI. */
    private static void releasesVersionAndCi(ScoreSheet sheet, ScoreSignals signals, int releaseWorkflow,
            String noReleaseWorkflow, int versioning, int ci) {
        piece(sheet, signals, FileCategory.RELEASE_WORKFLOW, "release_workflow", releaseWorkflow,
                "releases published by ", noReleaseWorkflow);
        Optional<String> version = signals.kind().versioning();
        sheet.add("versioning", version.isPresent() ? versioning : 0,
                version.orElse("no declared version and no change log (CHANGELOG, HISTORY, ...)"));
        piece(sheet, signals, FileCategory.CI_WORKFLOW, "ci", ci, "CI pipeline in ", NO_CI);
    }

    private static void commandLineTool(ScoreSheet sheet, ScoreSignals signals) {
        KindJudgement kind = signals.kind();
        sheet.add("distribution", kind.distribution().isPresent() ? CLI_DISTRIBUTION : 0,
                kind.distribution().orElse("no way for users to install the command"));
        releasesVersionAndCi(sheet, signals, CLI_RELEASE_WORKFLOW,
                "no release workflow that publishes packages or binaries", CLI_VERSIONING, CLI_CI);
        boolean install = signals.readmeSections().contains(ReadmeSection.INSTALL);
        sheet.add("install_instructions", install ? CLI_INSTALL_INSTRUCTIONS : 0, install
                ? "installation described in " + signals.readmePath() : "no installation section in the README");
    }

    private static void service(ScoreSheet sheet, ScoreSignals signals) {
        piece(sheet, signals, FileCategory.DOCKERFILE, "dockerfile", DOCKERFILE, "container image defined in ",
                "no Dockerfile or Containerfile found");
        piece(sheet, signals, FileCategory.CI_WORKFLOW, "ci", CI, "CI pipeline in ",
                NO_CI);
        piece(sheet, signals, FileCategory.KUBERNETES, "kubernetes", KUBERNETES, "Kubernetes or Helm definitions, e.g. ",
                "no Kubernetes manifests, Helm chart or kustomization found");
        piece(sheet, signals, FileCategory.COMPOSE, "compose", COMPOSE, "services composed in ", "no compose file found");
        piece(sheet, signals, FileCategory.ENV_EXAMPLE, "env_example", ENV_EXAMPLE, "configuration documented in ",
                "no .env.example (or .env.sample, .env.template) found");
        piece(sheet, signals, FileCategory.HEALTH_ENDPOINT, "health_endpoint", HEALTH_ENDPOINT, "health endpoint in ",
                "no health endpoint (/health, /healthz, /readyz) or health library found");
        piece(sheet, signals, FileCategory.INFRASTRUCTURE_AS_CODE, "infrastructure_as_code", INFRASTRUCTURE_AS_CODE,
                "infrastructure declared in ", "no infrastructure as code (Terraform, Bicep, Pulumi, CDK, Serverless) found");
    }

    private static void piece(ScoreSheet sheet, ScoreSignals signals, FileCategory category, String signal, int weight,
            String foundIn, String missing) {
        sheet.add(signal, signals.has(category) ? weight : 0, signals.example(category).map(foundIn::concat).orElse(missing));
    }

    private DeploymentReadinessScore() {
    }
}
