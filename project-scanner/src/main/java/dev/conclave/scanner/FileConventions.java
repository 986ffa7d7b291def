package dev.conclave.scanner;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the scanner recognises a file's category in a project (test, entry point, manifest, CI
 * definition, ...) from its path and, where the name alone says too little, its text. These are
 * the ecosystems' own conventions; a project that names things differently is simply not seen.
 */
final class FileConventions {

    // --- README and licence --------------------------------------------------------------------

    /** README names in order of preference when several sit at the same depth. */
    static final List<String> README_NAMES = List.of("readme.md", "readme.markdown", "readme.rst", "readme.txt", "readme");

    static boolean isReadme(ScannedFile file) {
        return README_NAMES.contains(file.lowerName());
    }

    private static final Pattern LICENCE_NAME = Pattern.compile("(?:licen[cs]e|copying)(?:[._-].*)?");

    /**
     * LICENSE, LICENCE.md, LICENSE-MIT, COPYING.LESSER in the project root. Only the root counts,
     * so that source files such as {@code LicenseService.java} deeper down are not mistaken for one.
     */
    static boolean isLicence(ScannedFile file) {
        return file.depth() == 0 && !Languages.isSource(file) && LICENCE_NAME.matcher(file.lowerName()).matches();
    }

    // --- build and dependency manifests --------------------------------------------------------

    static final Set<String> MANIFEST_NAMES = Set.of(
            "pom.xml", "build.gradle", "build.gradle.kts", "package.json", "pyproject.toml", "requirements.txt",
            "setup.py", "go.mod", "Cargo.toml", "Gemfile", "composer.json", "build.sbt", "Package.swift");

    static boolean isManifest(ScannedFile file) {
        return MANIFEST_NAMES.contains(file.name()) || file.lowerName().endsWith(".csproj");
    }

    // --- tests and entry points ----------------------------------------------------------------

    /** Folders whose source files are tests; src/test/ is covered by "test". */
    private static final Set<String> TEST_DIRECTORIES = Set.of("test", "tests", "__tests__", "spec");

    private static final Pattern TEST_FILE_NAME = Pattern.compile(
            ".*_test\\.go|test_.*\\.py|.*_test\\.py|.*\\.(?:test|spec)\\.[cm]?[jt]sx?|.*Tests?\\.(?:java|kt)|.*IT\\.(?:java|kt)");

    /**
     * A source file that is a test, by folder or by name. Only source files count: fixtures and
     * resources under a test folder are not tests, and counting them would flatter the test ratio.
     */
    static boolean isTest(ScannedFile file) {
        if (!Languages.isSource(file)) {
            return false;
        }
        for (String directory : file.directories()) {
            if (TEST_DIRECTORIES.contains(directory)) {
                return true;
            }
        }
        return TEST_FILE_NAME.matcher(file.name()).matches();
    }

    static final Set<String> ENTRY_POINT_NAMES = Set.of(
            "main.py", "__main__.py", "app.py", "manage.py", "index.ts", "index.js", "main.ts", "main.js",
            "server.ts", "server.js", "main.go", "Main.java", "Main.kt", "main.rs", "Program.cs");

    static boolean isEntryPoint(ScannedFile file) {
        return !isTest(file)
                && (ENTRY_POINT_NAMES.contains(file.name()) || file.name().endsWith("Application.java"));
    }

    // --- CI, containers, orchestration, infrastructure ----------------------------------------

    private static final Pattern CI_PATH = Pattern.compile(
            "(?:.*/)?(?:\\.github/workflows/[^/]+\\.ya?ml|\\.gitlab-ci\\.ya?ml|Jenkinsfile|\\.circleci/config\\.ya?ml"
                    + "|azure-pipelines\\.ya?ml|bitbucket-pipelines\\.ya?ml|\\.travis\\.ya?ml)");

    static boolean isCiWorkflow(ScannedFile file) {
        return CI_PATH.matcher(file.path()).matches();
    }

    /** Steps that publish a release: to a package index, as release binaries, or by a release tool. */
    private static final Pattern RELEASE_STEP = Pattern.compile("(?i)twine upload|pypa/gh-action-pypi-publish"
            + "|(?:uv|poetry|flit|hatch|pdm) publish|npm publish|yarn publish|pnpm publish|changesets/action|semantic-release"
            + "|release-please|cargo publish|goreleaser|softprops/action-gh-release|gh release create|gem push"
            + "|rubygems/release-gem|mvn\\S*\\s.*\\bdeploy\\b|central-publishing|gradlew? .*publish|dotnet nuget push"
            + "|actions/create-release|ncipollo/release-action|jreleaser");

    private static final Pattern RELEASE_TOOL_NAME = Pattern.compile(
            "\\.goreleaser\\.ya?ml|\\.releaserc(?:\\..+)?|release-please-config\\.json|jreleaser\\.ya?ml");

    /** A CI workflow that publishes releases, or a release tool's configuration. */
    static boolean isReleaseWorkflow(ScannedFile file) {
        return RELEASE_TOOL_NAME.matcher(file.lowerName()).matches()
                || isCiWorkflow(file) && RELEASE_STEP.matcher(file.text()).find();
    }

    private static final Pattern CHANGELOG_NAME = Pattern.compile(
            "(?:changelog|changes|history|news|releases|release-notes)(?:\\.(?:md|markdown|rst|txt|adoc))?");

    /** A change log in the project root: the usual record of versions. */
    static boolean isChangelog(ScannedFile file) {
        return file.depth() == 0 && CHANGELOG_NAME.matcher(file.lowerName()).matches();
    }

    private static final Pattern DOCKERFILE_NAME = Pattern.compile("(?:dockerfile|containerfile)(?:\\..+)?|.+\\.dockerfile");

    /** Dockerfile, Dockerfile.prod, api.dockerfile, Containerfile, anywhere in the project. */
    static boolean isDockerfile(ScannedFile file) {
        return DOCKERFILE_NAME.matcher(file.lowerName()).matches();
    }

    private static final Pattern COMPOSE_NAME = Pattern.compile("(?:docker-)?compose(?:\\.[^.]+)?\\.ya?ml");

    /** docker-compose.yml, compose.yaml, docker-compose.override.yml. */
    static boolean isCompose(ScannedFile file) {
        return COMPOSE_NAME.matcher(file.lowerName()).matches();
    }

    private static final Set<String> KUBERNETES_DIRECTORIES = Set.of("k8s", "kubernetes", "helm");

    private static final Pattern KUBERNETES_WORKLOAD = Pattern.compile(
            "(?m)^kind:\\s*(?:Deployment|StatefulSet|DaemonSet)\\s*$");

    /**
     * A k8s/, kubernetes/ or helm/ folder anywhere (deploy/k8s/ is common), a Helm Chart.yaml, a
     * kustomization, or a YAML file declaring a workload.
     */
    static boolean isKubernetes(ScannedFile file) {
        for (String directory : file.directories()) {
            if (KUBERNETES_DIRECTORIES.contains(directory)) {
                return true;
            }
        }
        String name = file.lowerName();
        if (name.equals("chart.yaml") || name.equals("kustomization.yaml") || name.equals("kustomization.yml")) {
            return true;
        }
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && KUBERNETES_WORKLOAD.matcher(file.text()).find();
    }

    static final Set<String> ENV_EXAMPLE_NAMES = Set.of(".env.example", ".env.sample", ".env.template", "env.example");

    static boolean isEnvExample(ScannedFile file) {
        return ENV_EXAMPLE_NAMES.contains(file.lowerName());
    }

    /** A docs/ or doc/ folder in the project root; deeper ones are often code packages named "doc". */
    static boolean isInDocsFolder(ScannedFile file) {
        String[] directories = file.directories();
        return directories.length > 0 && (directories[0].equals("docs") || directories[0].equals("doc"));
    }

    // --- API documentation ----------------------------------------------------------------------

    private static final Pattern API_SPEC_NAME = Pattern.compile("(?:.*[._-])?(?:openapi|swagger|asyncapi)\\.(?:ya?ml|json)");

    private static final Set<String> API_DOC_TOOL_NAMES = Set.of(
            "mkdocs.yml", "mkdocs.yaml", "doxyfile", "typedoc.json", ".readthedocs.yaml", ".readthedocs.yml",
            "docusaurus.config.js", "docusaurus.config.ts", "antora.yml", ".jsdoc.json", "jsdoc.json");

    /** Build plugins that publish API docs (Javadoc, Dokka, Smallrye/Springdoc OpenAPI). */
    private static final Pattern API_DOC_PLUGIN = Pattern.compile(
            "maven-javadoc-plugin|dokka|smallrye-openapi|springdoc-openapi|swagger-ui|\"typedoc\"|\"@nestjs/swagger\"");

    /**
     * An OpenAPI/Swagger/AsyncAPI description, a documentation-site or API-doc generator configuration
     * (MkDocs, Sphinx, Doxygen, TypeDoc, Docusaurus, Antora), or a build that generates API docs.
     */
    static boolean isApiDocs(ScannedFile file) {
        String name = file.lowerName();
        if (API_SPEC_NAME.matcher(name).matches() || API_DOC_TOOL_NAMES.contains(name)) {
            return true;
        }
        if (name.equals("conf.py") && isInDocsFolder(file)) {
            return true; // Sphinx
        }
        return isManifest(file) && API_DOC_PLUGIN.matcher(file.text()).find();
    }

    private static final Set<String> IAC_NAMES = Set.of(
            "pulumi.yaml", "pulumi.yml", "cdk.json", "terragrunt.hcl", "serverless.yml", "serverless.yaml");

    /** Terraform, Bicep, Pulumi, CDK, Serverless Framework. */
    static boolean isInfrastructureAsCode(ScannedFile file) {
        String extension = file.extension();
        return extension.equals("tf") || extension.equals("bicep") || IAC_NAMES.contains(file.lowerName());
    }

    // --- health endpoints ----------------------------------------------------------------------

    private static final Pattern HEALTH_IN_SOURCE = Pattern.compile("/health|healthz|readyz|livez|@Liveness|@Readiness");

    /** Dependencies that give a service a health endpoint without it being spelled out in source. */
    private static final Pattern HEALTH_DEPENDENCY = Pattern.compile("spring-boot-starter-actuator|smallrye-health");

    static boolean mentionsHealthEndpoint(ScannedFile file) {
        if (Languages.isSource(file)) {
            return HEALTH_IN_SOURCE.matcher(file.text()).find();
        }
        return isManifest(file) && HEALTH_DEPENDENCY.matcher(file.text()).find();
    }

    // --- lint and format configuration ---------------------------------------------------------

    private static final Pattern LINT_CONFIG_NAME = Pattern.compile(
            "\\.eslintrc.*|eslint\\.config\\..+|\\.prettierrc.*|prettier\\.config\\..+|\\.stylelintrc.*|biome\\.jsonc?"
                    + "|tslint\\.json|\\.?ruff\\.toml|\\.flake8|\\.?pylintrc|mypy\\.ini|\\.pre-commit-config\\.ya?ml"
                    + "|\\.editorconfig|checkstyle\\.xml|\\.golangci\\.(?:ya?ml|toml|json)|\\.?rustfmt\\.toml|clippy\\.toml"
                    + "|\\.rubocop\\.yml|\\.clang-format|\\.clang-tidy|\\.swiftlint\\.yml|\\.scalafmt\\.conf|detekt\\.yml");

    private static final Pattern PYPROJECT_LINT = Pattern.compile("(?m)^\\[tool\\.(?:ruff|black|pylint|flake8|isort|mypy)");
    private static final Pattern BUILD_LINT = Pattern.compile("checkstyle|spotless|ktlint|detekt|maven-pmd-plugin");
    private static final Pattern PACKAGE_JSON_LINT = Pattern.compile("\"(?:eslintConfig|prettier)\"\\s*:");

    /** A linter or formatter configured by its own file or inside a build file. */
    static boolean isLintConfig(ScannedFile file) {
        if (LINT_CONFIG_NAME.matcher(file.lowerName()).matches()) {
            return true;
        }
        return switch (file.name()) {
            case "pyproject.toml" -> PYPROJECT_LINT.matcher(file.text()).find();
            case "setup.cfg", "tox.ini" -> file.text().contains("[flake8]");
            case "pom.xml", "build.gradle", "build.gradle.kts" -> BUILD_LINT.matcher(file.text()).find();
            case "package.json" -> PACKAGE_JSON_LINT.matcher(file.text()).find();
            default -> false;
        };
    }

    private FileConventions() {
    }
}
