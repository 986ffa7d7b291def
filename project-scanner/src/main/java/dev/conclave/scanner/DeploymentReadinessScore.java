package dev.conclave.scanner;

import dev.conclave.model.ProjectFacts;

/**
 * Deployment readiness, 0 to 100: the sum of the weights of the deployment pieces the project
 * already has. The weights add up to 100.
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

    static int of(ScoreSignals signals) {
        ProjectFacts facts = signals.facts();
        int score = 0;
        score += facts.hasDockerfile() ? DOCKERFILE : 0;
        score += facts.hasCi() ? CI : 0;
        score += facts.hasKubernetes() ? KUBERNETES : 0;
        score += facts.hasCompose() ? COMPOSE : 0;
        score += facts.hasEnvExample() ? ENV_EXAMPLE : 0;
        score += signals.mentionsHealthEndpoint() ? HEALTH_ENDPOINT : 0;
        score += signals.hasInfrastructureAsCode() ? INFRASTRUCTURE_AS_CODE : 0;
        return score;
    }

    private DeploymentReadinessScore() {
    }
}
