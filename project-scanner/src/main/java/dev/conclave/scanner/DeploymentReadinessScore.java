package dev.conclave.scanner;

/**
 * Deployment readiness, 0 to 100: one finding per deployment piece, worth its weight when the project
 * has it and 0 when it does not (the finding then says what is missing). The weights add up to 100,
 * so the score is simply the sum of the findings' points.
 */
final class DeploymentReadinessScore {

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

    static ScoreSheet of(ScoreSignals signals) {
        ScoreSheet sheet = new ScoreSheet(ScoreSheet.DEPLOYMENT_READINESS, 1);
        piece(sheet, signals, FileRole.DOCKERFILE, "dockerfile", DOCKERFILE, "container image defined in ",
                "no Dockerfile or Containerfile found");
        piece(sheet, signals, FileRole.CI_WORKFLOW, "ci", CI, "CI pipeline in ",
                "no CI workflow found (.github/workflows, .gitlab-ci.yml, Jenkinsfile, ...)");
        piece(sheet, signals, FileRole.KUBERNETES, "kubernetes", KUBERNETES, "Kubernetes or Helm definitions, e.g. ",
                "no Kubernetes manifests, Helm chart or kustomization found");
        piece(sheet, signals, FileRole.COMPOSE, "compose", COMPOSE, "services composed in ", "no compose file found");
        piece(sheet, signals, FileRole.ENV_EXAMPLE, "env_example", ENV_EXAMPLE, "configuration documented in ",
                "no .env.example (or .env.sample, .env.template) found");
        piece(sheet, signals, FileRole.HEALTH_ENDPOINT, "health_endpoint", HEALTH_ENDPOINT, "health endpoint in ",
                "no health endpoint (/health, /healthz, /readyz) or health library found");
        piece(sheet, signals, FileRole.INFRASTRUCTURE_AS_CODE, "infrastructure_as_code", INFRASTRUCTURE_AS_CODE,
                "infrastructure declared in ", "no infrastructure as code (Terraform, Bicep, Pulumi, CDK, Serverless) found");
        return sheet;
    }

    private static void piece(ScoreSheet sheet, ScoreSignals signals, FileRole role, String signal, int weight,
            String foundIn, String missing) {
        sheet.add(signal, signals.has(role) ? weight : 0, signals.example(role).map(foundIn::concat).orElse(missing));
    }

    private DeploymentReadinessScore() {
    }
}
