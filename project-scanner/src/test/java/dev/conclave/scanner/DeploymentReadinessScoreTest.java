package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentReadinessScoreTest {

    private static final ProjectFile SERVICE = new ProjectFile("app/main.go", "package main\n\nfunc main() {}\n");

    private int readiness(ProjectFile... extra) {
        return ScoresOf.project("deploy", SERVICE, extra).deploymentReadinessPercent();
    }

    @Test
    void aBareServiceIsNotReadyAtAll() {
        assertEquals(0, readiness());
    }

    @ParameterizedTest(name = "{0} adds {2}")
    @CsvSource({
        "Dockerfile,                  'FROM golang:1.23',                              25",
        ".github/workflows/ci.yml,    'on: push',                                      20",
        "k8s/deployment.yaml,         'replicas: 2',                                   15",
        "docker-compose.yml,          'services: {}',                                  10",
        ".env.example,                'PORT=8080',                                     10",
        "app/health.go,               'http.HandleFunc(\"/healthz\", ok)',             10",
        "infra/main.tf,               'resource \"aws_s3_bucket\" \"b\" {}',           10",
    })
    void eachDeploymentPieceAddsItsWeight(String path, String content, int weight) {
        assertEquals(weight, readiness(new ProjectFile(path, content + "\n")));
    }

    @Test
    void aHealthDependencyCountsAsAHealthEndpoint() {
        int score = readiness(new ProjectFile("pom.xml", "<artifactId>quarkus-smallrye-health</artifactId>\n"));

        assertEquals(DeploymentReadinessScore.HEALTH_ENDPOINT, score);
    }

    @Test
    void everyPieceTogetherIsFullyReady() {
        int score = readiness(new ProjectFile("Dockerfile", "FROM x\n"), new ProjectFile(".gitlab-ci.yml", "x\n"),
                new ProjectFile("helm/Chart.yaml", "name: x\n"), new ProjectFile("compose.yaml", "services: {}\n"),
                new ProjectFile(".env.sample", "X=1\n"), new ProjectFile("app/probe.go", "// serves /health\n"),
                new ProjectFile("main.bicep", "param x string\n"));

        assertEquals(100, score);
    }
}
