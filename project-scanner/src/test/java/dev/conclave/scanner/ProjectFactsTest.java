package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ProjectFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectFactsTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    private ProjectFacts factsOf(FixtureProject fixture) {
        return scanner.scan(fixture.asProjectFiles(), fixture.name).facts();
    }

    private ProjectFacts factsOf(ProjectFile... files) {
        return scanner.scan(List.of(files), "facts").facts();
    }

    @Test
    void findsThePythonProjectsManifestsTestsAndEntryPoint() {
        ProjectFacts facts = factsOf(FixtureProject.python());

        assertEquals(List.of("pyproject.toml", "requirements.txt"), facts.manifests());
        assertEquals(List.of("weather/__main__.py"), facts.entryPoints());
        assertEquals(1, facts.testFiles());
        assertEquals(5, facts.sourceFiles(), "the four package modules and the test");
        assertTrue(facts.hasReadme());
        assertFalse(facts.hasLicense());
        assertFalse(facts.hasCi());
    }

    @Test
    void findsTheTypeScriptProjectsDockerfileTestAndEntryPoints() {
        ProjectFacts facts = factsOf(FixtureProject.typescript());

        assertTrue(facts.hasDockerfile());
        assertEquals(List.of("package.json"), facts.manifests(), "neither a Dockerfile nor tsconfig.json is a manifest");
        assertEquals(List.of("src/index.ts", "src/server.ts"), facts.entryPoints());
        assertEquals(1, facts.testFiles());
        assertEquals(4, facts.sourceFiles());
    }

    @Test
    void findsTheJavaProjectsCiLicenceAndApplicationClass(@TempDir Path dir) throws IOException {
        FixtureProject fixture = FixtureProject.java();
        ProjectFacts facts = scanner.scan(fixture.writeTo(dir), fixture.name).facts();

        assertEquals(List.of(".github/workflows/build.yml"), facts.ciWorkflows());
        assertEquals(List.of("src/main/java/dev/example/shop/ShopApplication.java"), facts.entryPoints());
        assertEquals(List.of("pom.xml"), facts.manifests());
        assertTrue(facts.hasLicense());
        assertEquals(1, facts.testFiles());
        assertEquals(3, facts.sourceFiles());
    }

    @Test
    void aProjectWithoutADockerfileHasNone() {
        assertFalse(factsOf(FixtureProject.java()).hasDockerfile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "deploy/Dockerfile", "Dockerfile.prod", "docker/api.dockerfile"})
    void aDockerfileAnywhereCounts(String path) {
        FixtureProject fixture = FixtureProject.java().file(path, "FROM eclipse-temurin:21\n");

        assertTrue(factsOf(fixture).hasDockerfile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.yaml", "compose.yaml", "docker-compose.override.yml"})
    void recognisesComposeFiles(String path) {
        assertTrue(factsOf(new ProjectFile(path, "services: {}\n")).hasCompose());
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/deployment.yaml", "deploy/kubernetes/service.yaml", "charts/shop/Chart.yaml",
            "helm/values.yaml"})
    void recognisesKubernetesAndHelmByFolderOrChart(String path) {
        assertTrue(factsOf(new ProjectFile(path, "replicas: 2\n")).hasKubernetes());
    }

    @Test
    void recognisesAKubernetesWorkloadByItsKind() {
        assertTrue(factsOf(new ProjectFile("ops/app.yaml", "apiVersion: apps/v1\nkind: Deployment\n")).hasKubernetes());
        assertFalse(factsOf(new ProjectFile("ops/app.yaml", "apiVersion: v1\nkind: ConfigMap\n")).hasKubernetes());
    }

    @ParameterizedTest
    @ValueSource(strings = {".github/workflows/ci.yaml", ".gitlab-ci.yml", "Jenkinsfile", ".circleci/config.yml",
            "azure-pipelines.yml"})
    void recognisesCiDefinitions(String path) {
        assertEquals(List.of(path), factsOf(new ProjectFile(path, "x\n")).ciWorkflows());
    }

    @Test
    void aWorkflowFolderFileThatIsNotYamlIsNoCi() {
        assertFalse(factsOf(new ProjectFile(".github/workflows/README.md", "# about\n")).hasCi());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tests/test_x.py", "src/test/java/a/Foo.java", "web/__tests__/a.js", "spec/a_spec.rb",
            "pkg/a_test.go", "test_a.py", "a_test.py", "a.test.ts", "a.spec.js", "FooTest.java", "FooTests.java",
            "FooIT.java"})
    void recognisesTestsByFolderOrName(String path) {
        assertEquals(1, factsOf(new ProjectFile(path, "x\n")).testFiles());
    }

    @Test
    void dataFilesUnderATestFolderAreNotTests() {
        ProjectFacts facts = factsOf(new ProjectFile("src/test/resources/data.json", "{}\n"),
                new ProjectFile("tests/fixtures/page.md", "# page\n"));

        assertEquals(0, facts.testFiles());
        assertEquals(0, facts.sourceFiles());
    }

    @Test
    void recognisesEnvExamplesDocsFolderAndLicenceVariants() {
        ProjectFacts facts = factsOf(new ProjectFile(".env.example", "API_KEY=\n"),
                new ProjectFile("docs/guide.md", "# Guide\n"), new ProjectFile("LICENSE-MIT", "MIT\n"));

        assertTrue(facts.hasEnvExample());
        assertTrue(facts.hasDocsFolder());
        assertTrue(facts.hasLicense());
    }

    @Test
    void aLicenceServiceClassIsNotALicenceFile() {
        ProjectFacts facts = factsOf(new ProjectFile("License.java", "class License {}\n"),
                new ProjectFile("src/licence/LICENSE", "not the project's\n"));

        assertFalse(facts.hasLicense());
    }

    @Test
    void listsManifestsShallowestFirst() {
        ProjectFacts facts = factsOf(new ProjectFile("web/package.json", "{}\n"), new ProjectFile("pom.xml", "<p/>\n"),
                new ProjectFile("api/App.csproj", "<Project/>\n"), new ProjectFile("Dockerfile", "FROM x\n"));

        assertEquals(List.of("pom.xml", "api/App.csproj", "web/package.json"), facts.manifests());
    }
}
