package dev.conclave.scanner;

import dev.conclave.model.ProjectKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what kind of project a scan looked at from its manifests and structure, in this order:
 * a workspace whose root is not itself a program is a monorepo; service evidence (a web framework
 * among the dependencies, a health endpoint, a Procfile, Kubernetes, a Web SDK, a Spring-style
 * {@code *Application} class) makes a service; an executable entry (a console script, an npm
 * {@code bin}, a Rust or Go binary, a CLI framework, a {@code __main__.py} that parses arguments, sits beside a
 * {@code cli} module or whose README calls the project a command-line tool) makes a command-line tool;
 * publishable package metadata makes a library; a Dockerfile alone makes a service; nothing is
 * {@link ProjectKind#UNKNOWN}. docs/decisions.md explains the order.
 */
final class ProjectKindRules {

    private static final Set<String> WORKSPACE_FILES = Set.of("pnpm-workspace.yaml", "lerna.json", "nx.json",
            "turbo.json", "rush.json", "go.work");

    /**
     * What follows a dependency's name in a manifest (a quote, a version operator, a tag, {@code = "1.0"},
     * Go's {@code v1.2}, the end of a requirements line), so that "the next step" in a description is no
     * dependency on Next.js.
     */
    private static final String AS_DEPENDENCY = "(?=[\"'<>=~!^\\[;@:,)]|[ \\t]*=|[ \\t]+v\\d|[ \\t]*$)";

    /** Web and RPC frameworks, as dependencies are spelled in the ecosystems' manifests. */
    private static final Pattern WEB_FRAMEWORK = Pattern.compile("(?i)(?<![\\w.-])(?:django|flask|fastapi|starlette"
            + "|aiohttp|tornado|sanic|litestar|pyramid|express|koa|fastify|@nestjs/core|@hapi/hapi|next|nuxt"
            + "|@remix-run/node|@sveltejs/kit|spring-boot-starter-web|spring-boot-starter-webflux|quarkus-rest"
            + "|quarkus-resteasy[\\w-]*|micronaut-http-server[\\w-]*|javalin|ktor-server[\\w-]*|helidon-webserver"
            + "|gin-gonic/gin|labstack/echo|gofiber/fiber|gorilla/mux|go-chi/chi|google\\.golang\\.org/grpc"
            + "|actix-web|axum|rocket|warp|tide|poem|rails|sinatra|hanami|laravel/framework|symfony/framework-bundle"
            + "|slim/slim)" + AS_DEPENDENCY, Pattern.MULTILINE);

    private static final Pattern CLI_FRAMEWORK = Pattern.compile("(?i)(?<![\\w.-])(?:click|typer|docopt|commander"
            + "|yargs|@oclif/core|oclif|meow|cac|clipanion|picocli|clikt|spf13/cobra|urfave/cli|alecthomas/kong"
            + "|clap|structopt|argh|thor)" + AS_DEPENDENCY, Pattern.MULTILINE);

    private static final Pattern PYTHON_SCRIPTS = Pattern.compile("\\[project\\.scripts]|\\[tool\\.poetry\\.scripts]"
            + "|console_scripts|\\[project\\.gui-scripts]");
    private static final Pattern NPM_BIN = Pattern.compile("\"bin\"\\s*:");
    private static final Pattern NPM_WORKSPACES = Pattern.compile("\"workspaces\"\\s*:");
    private static final Pattern NPM_PRIVATE = Pattern.compile("\"private\"\\s*:\\s*true");
    private static final Pattern NPM_LIBRARY = Pattern.compile("\"(?:main|exports|module|types|typings)\"\\s*:");
    private static final Pattern CARGO_WORKSPACE = Pattern.compile("(?m)^\\[workspace]");
    private static final Pattern CARGO_PACKAGE = Pattern.compile("(?m)^\\[package]");
    private static final Pattern CARGO_BIN = Pattern.compile("(?m)^\\[\\[bin]]");
    private static final Pattern MAVEN_MODULES = Pattern.compile("<modules>");
    private static final Pattern GRADLE_APPLICATION = Pattern.compile("\\bapplication\\b|mainClass");
    private static final Pattern DOTNET_WEB = Pattern.compile("Microsoft\\.NET\\.Sdk\\.Web");
    private static final Pattern DOTNET_EXE = Pattern.compile("<OutputType>\\s*Exe");
    private static final Pattern VERSION_DECLARED = Pattern.compile("(?m)^\\s*version\\s*=|\"version\"\\s*:"
            + "|<version>|version\\s*=\\s*['\"]|dynamic\\s*=\\s*\\[[^]]*\"version\"|setuptools[_-]scm|hatch-vcs");
    /** Lines that name the project itself, so that Flask's own manifest does not make Flask a Flask service. */
    private static final Pattern OWN_NAME = Pattern.compile("(?m)^\\s*\"?name\"?\\s*[=:].*$|^\\s*module\\s+\\S+\\s*$");

    static KindJudgement judge(List<FileSummary> files) {
        List<FileSummary> manifests = files.stream().filter(file -> file.is(FileCategory.MANIFEST))
                .sorted(Comparator.comparingInt(FileSummary::depth).thenComparing(FileSummary::path)).toList();
        List<FileSummary> rootManifests = manifests.stream().filter(file -> file.depth() == 0).toList();
        List<String> evidence = new ArrayList<>();

        List<FileSummary> ownManifests = manifests.stream().filter(file -> !isAside(file)).toList();
        Optional<String> packaging = packaging(rootManifests, files);
        Optional<String> versioning = versioning(rootManifests, files);
        String cli = cliEvidence(rootManifests, files);
        String service = serviceEvidence(rootManifests.isEmpty() ? manifests : rootManifests, files);
        String workspace = workspaceEvidence(rootManifests, manifests, files);
        String calledALibrary = calledALibrary(files);
        if (calledALibrary != null && packaging.isPresent()) {
            // A framework's own command (flask run) or its web dependency (FastAPI on Starlette) does not
            // make it an application; the README's own words decide, where they are that plain.
            if (cli != null && !cli.startsWith("a binary crate") && !cli.startsWith("Cargo.toml") && !cli.startsWith("a Go command")) {
                evidence.add(calledALibrary + "; its command (" + cli + ") is a helper");
                cli = null;
            }
            if (service != null && service.contains("a web framework")) {
                evidence.add(calledALibrary + "; it builds on " + service.substring(service.indexOf("depends on ") + 11));
                service = null;
            }
        }
        String command = cli;
        Optional<String> distribution = command == null ? Optional.empty()
                : Optional.of(packaging.map(path -> command + ", packaged in " + path).orElse(command));
        ProjectKind kind;
        boolean runsAService = service != null || files.stream().anyMatch(file -> !isAside(file)
                && (file.is(FileCategory.DOCKERFILE) || file.is(FileCategory.COMPOSE) || file.is(FileCategory.KUBERNETES)));
        if (workspace != null && cli == null) {
            kind = ProjectKind.MONOREPO;
            evidence.add(workspace);
            if (service != null) {
                evidence.add("with a service: " + service);
            }
            // Its packages are its members: any of them with package metadata counts.
            if (packaging.isEmpty()) {
                packaging = packaging(ownManifests, files);
            }
        } else if (service != null) {
            kind = ProjectKind.SERVICE;
            evidence.add(service);
        } else if (cli != null) {
            kind = ProjectKind.CLI;
            evidence.add(cli);
        } else if (packaging.isPresent()) {
            kind = ProjectKind.LIBRARY;
            evidence.add(packaging.get() + " declares a package, and nothing runs it as a service or a command");
        } else if (files.stream().anyMatch(file -> file.is(FileCategory.DOCKERFILE))) {
            kind = ProjectKind.SERVICE;
            evidence.add("a container image is defined in " + first(files, FileCategory.DOCKERFILE));
        } else {
            kind = ProjectKind.UNKNOWN;
            evidence.add("no manifest or structure says what the project is; judged as a service");
        }
        return new KindJudgement(kind, evidence, packaging, distribution, versioning, runsAService);
    }

    /** The README's first paragraphs calling the project a library, a framework or an SDK. */
    private static final Pattern CALLS_ITSELF_A_LIBRARY = Pattern.compile(
            "(?i)\\b(?:is an? |an? )(?:[\\w,\\[\\]()-]+ ){0,6}(?:library|framework|sdk|toolkit)\\b");

    private static final Pattern CALLS_ITSELF_A_TOOL = Pattern.compile(
            "(?i)\\b(?:command[- ]line|cli) (?:tool|client|utility|program|application)|\\bsearch tool\\b");

    private static String calledALibrary(List<FileSummary> files) {
        return files.stream().filter(file -> file.depth() == 0 && file.is(FileCategory.README) && file.content() != null)
                .findFirst()
                .map(readme -> {
                    String opening = opening(readme);
                    var library = CALLS_ITSELF_A_LIBRARY.matcher(opening);
                    return library.find() && !CALLS_ITSELF_A_TOOL.matcher(opening).find()
                            ? readme.path() + " calls it \"" + library.group().strip() + "\"" : null;
                })
                .orElse(null);
    }

    private static String workspaceEvidence(List<FileSummary> rootManifests, List<FileSummary> manifests,
            List<FileSummary> files) {
        for (FileSummary file : files) {
            if (file.depth() == 0 && WORKSPACE_FILES.contains(file.lowerName())) {
                return file.path() + " declares a workspace";
            }
        }
        for (FileSummary manifest : rootManifests) {
            String text = text(manifest);
            switch (manifest.lowerName()) {
                case "package.json" -> {
                    if (NPM_WORKSPACES.matcher(text).find()) {
                        return "package.json declares workspaces";
                    }
                }
                case "cargo.toml" -> {
                    if (CARGO_WORKSPACE.matcher(text).find() && !CARGO_PACKAGE.matcher(text).find()) {
                        return "Cargo.toml is a workspace without a package of its own";
                    }
                }
                case "pom.xml" -> {
                    if (MAVEN_MODULES.matcher(text).find()) {
                        return "pom.xml builds several modules";
                    }
                }
                default -> {
                }
            }
        }
        if (rootManifests.isEmpty()) {
            long folders = manifests.stream().filter(file -> !isAside(file))
                    .map(file -> file.path().substring(0, file.path().lastIndexOf('/'))).distinct().count();
            if (folders >= 2) {
                return "no root manifest; " + folders + " folders have their own";
            }
        }
        return null;
    }

    private static String serviceEvidence(List<FileSummary> manifests, List<FileSummary> files) {
        for (FileSummary manifest : manifests) {
            if (isAside(manifest)) {
                continue;
            }
            var web = WEB_FRAMEWORK.matcher(dependencies(manifest));
            if (web.find()) {
                return manifest.path() + " depends on " + web.group() + ", a web framework";
            }
            if (manifest.lowerName().endsWith(".csproj") && DOTNET_WEB.matcher(text(manifest)).find()) {
                return manifest.path() + " uses the .NET Web SDK";
            }
        }
        for (FileSummary file : files) {
            if (file.is(FileCategory.HEALTH_ENDPOINT) && !file.is(FileCategory.TEST) && !isAside(file)) {
                return "a health endpoint in " + file.path();
            }
            if (file.is(FileCategory.KUBERNETES)) {
                return "Kubernetes definitions, e.g. " + file.path();
            }
            if (file.lowerName().equals("procfile")) {
                return "a Procfile";
            }
            if (file.is(FileCategory.ENTRY_POINT) && file.lowerName().endsWith("application.java")) {
                return "an application class, " + file.path();
            }
            if (file.is(FileCategory.ENTRY_POINT) && (file.lowerName().equals("manage.py")
                    || file.lowerName().startsWith("server."))) {
                return "a server entry point, " + file.path();
            }
        }
        return null;
    }

    private static String cliEvidence(List<FileSummary> rootManifests, List<FileSummary> files) {
        for (FileSummary manifest : rootManifests) {
            String text = text(manifest);
            switch (manifest.lowerName()) {
                case "pyproject.toml", "setup.py" -> {
                    if (PYTHON_SCRIPTS.matcher(text).find()) {
                        return manifest.path() + " declares console scripts";
                    }
                }
                case "package.json" -> {
                    if (NPM_BIN.matcher(text).find()) {
                        return "package.json declares a bin";
                    }
                }
                case "cargo.toml" -> {
                    if (CARGO_BIN.matcher(text).find()) {
                        return "Cargo.toml declares a binary";
                    }
                    if (CARGO_PACKAGE.matcher(text).find() && files.stream().anyMatch(f -> f.path().equals("src/main.rs"))) {
                        return "a binary crate (src/main.rs)";
                    }
                }
                case "build.gradle", "build.gradle.kts" -> {
                    if (GRADLE_APPLICATION.matcher(text).find() && CLI_FRAMEWORK.matcher(dependencies(manifest)).find()) {
                        return manifest.path() + " builds an application with a command-line framework";
                    }
                }
                default -> {
                    if (manifest.lowerName().endsWith(".csproj") && DOTNET_EXE.matcher(text).find()) {
                        return manifest.path() + " builds an executable";
                    }
                }
            }
            var framework = CLI_FRAMEWORK.matcher(dependencies(manifest));
            if (framework.find()) {
                return manifest.path() + " depends on " + framework.group() + ", a command-line framework";
            }
        }
        for (FileSummary file : files) {
            String path = file.path();
            if (path.startsWith("cmd/") && file.lowerName().equals("main.go")) {
                return "a Go command in " + path;
            }
            if (file.lowerName().equals("__main__.py") && !file.is(FileCategory.TEST) && !isAside(file)) {
                String sign = commandLineSign(file, files);
                if (sign != null) {
                    return "runs as python -m (" + path + ") " + sign;
                }
            }
        }
        return null;
    }

    /** A __main__.py that parses its arguments: the standard and the common third-party ways. */
    private static final Pattern READS_ARGUMENTS = Pattern.compile(
            "\\b(?:argparse|optparse|getopt|docopt|click|typer)\\b|sys\\.argv|fire\\.Fire");

    /** An import from a module or package called cli ({@code from weather.cli import main}, {@code from .cli import run}). */
    private static final Pattern IMPORTS_A_CLI = Pattern.compile("(?m)^\\s*(?:from|import)\\s+[\\w.]*\\bcli\\b");

    /**
     * What, besides the file, says a package's __main__.py is a command people run: many libraries have one
     * only to print a version or a self-test ({@code python -m pkg}), which makes no tool. Null when nothing does.
     */
    private static String commandLineSign(FileSummary main, List<FileSummary> files) {
        String text = text(main);
        if (READS_ARGUMENTS.matcher(text).find()) {
            return "and parses its arguments";
        }
        String folder = main.path().substring(0, main.path().lastIndexOf('/') + 1);
        if (IMPORTS_A_CLI.matcher(text).find()
                || files.stream().anyMatch(f -> f.path().equals(folder + "cli.py") || f.path().startsWith(folder + "cli/"))) {
            return "beside a cli module";
        }
        return files.stream().filter(file -> file.depth() == 0 && file.is(FileCategory.README) && file.content() != null)
                .filter(readme -> CALLS_ITSELF_A_TOOL.matcher(opening(readme)).find()).findFirst()
                .map(readme -> "and " + readme.path() + " calls it a command-line tool").orElse(null);
    }

    /** The first 1 500 characters of a README: where a project says what it is. */
    private static String opening(FileSummary readme) {
        return readme.content().length() > 1500 ? readme.content().substring(0, 1500) : readme.content();
    }

    /** The root manifest with publishable package metadata. */
    private static Optional<String> packaging(List<FileSummary> rootManifests, List<FileSummary> files) {
        for (FileSummary manifest : rootManifests) {
            String text = text(manifest);
            boolean packaged = switch (manifest.lowerName()) {
                case "pyproject.toml" -> text.contains("[project]") || text.contains("[tool.poetry]");
                case "setup.py" -> text.contains("setup(");
                case "package.json" -> !NPM_PRIVATE.matcher(text).find()
                        && (NPM_LIBRARY.matcher(text).find() || text.contains("\"version\""));
                case "cargo.toml" -> CARGO_PACKAGE.matcher(text).find();
                case "pom.xml" -> text.contains("<artifactId>");
                case "build.gradle", "build.gradle.kts" -> text.contains("maven-publish") || text.contains("java-library");
                case "go.mod" -> true;
                case "composer.json" -> text.contains("\"name\"");
                case "package.swift" -> true;
                default -> manifest.lowerName().endsWith(".csproj") && (text.contains("<PackageId>")
                        || text.contains("<IsPackable>true"));
            };
            if (packaged) {
                return Optional.of(manifest.path());
            }
        }
        return files.stream().filter(file -> file.depth() == 0 && file.lowerName().endsWith(".gemspec"))
                .map(FileSummary::path).findFirst();
    }

    private static Optional<String> versioning(List<FileSummary> rootManifests, List<FileSummary> files) {
        Optional<String> changelog = files.stream().filter(file -> file.is(FileCategory.CHANGELOG)).map(FileSummary::path)
                .findFirst();
        if (changelog.isPresent()) {
            return changelog.map(path -> "history kept in " + path);
        }
        return rootManifests.stream().filter(file -> VERSION_DECLARED.matcher(text(file)).find())
                .map(file -> "version declared in " + file.path()).findFirst();
    }

    private static final Pattern NPM_DEPENDENCIES = Pattern.compile("\"(?:dependencies|peerDependencies)\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern PYTHON_DEPENDENCIES = Pattern.compile(
            "(?m)^dependencies\\s*=\\s*\\[([^]]*)]|^\\[tool\\.poetry\\.dependencies]([^\\[]*)|install_requires\\s*=\\s*\\[([^]]*)]");
    private static final Pattern CARGO_DEPENDENCIES = Pattern.compile("(?m)^\\[dependencies]([^\\[]*)");
    private static final Pattern COMPOSER_REQUIRE = Pattern.compile("\"require\"\\s*:\\s*\\{([^}]*)}");

    /**
     * The part of a manifest that lists what the project runs on: the dependency sections where the
     * ecosystem has them (so that a keyword, a script name or the project's own name is no dependency),
     * the whole text without the project's own name where it has not.
     */
    private static String dependencies(FileSummary manifest) {
        String text = text(manifest);
        Pattern section = switch (manifest.lowerName()) {
            case "package.json" -> NPM_DEPENDENCIES;
            case "pyproject.toml", "setup.py" -> PYTHON_DEPENDENCIES;
            case "cargo.toml" -> CARGO_DEPENDENCIES;
            case "composer.json" -> COMPOSER_REQUIRE;
            default -> null;
        };
        if (section == null) {
            return OWN_NAME.matcher(text).replaceAll("");
        }
        StringBuilder found = new StringBuilder();
        var matcher = section.matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    found.append(matcher.group(group)).append('\n');
                }
            }
        }
        return found.toString();
    }

    private static String text(FileSummary file) {
        return file.content() == null ? "" : file.content();
    }

    /** Files in tests, examples and documentation say nothing about what the project itself is. */
    private static boolean isAside(FileSummary file) {
        for (String directory : file.path().split("/")) {
            switch (directory) {
                case "test", "tests", "testing", "spec", "examples", "example", "samples", "docs", "doc", "fixtures",
                        "testdata", "benchmarks", "bench" -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static String first(List<FileSummary> files, FileCategory category) {
        return files.stream().filter(file -> file.is(category)).map(FileSummary::path).findFirst().orElse("");
    }

    private ProjectKindRules() {
    }
}
