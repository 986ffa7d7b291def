package dev.conclave.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.ArchitectAnalysis;
import dev.conclave.model.BusinessAnalysis;
import dev.conclave.model.DeploymentAnalysis;
import dev.conclave.model.DeploymentAnalysis.Blocker;
import dev.conclave.model.FileExcerpt;
import dev.conclave.model.Level;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.ProjectKind;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import dev.conclave.model.SecretFindings;
import dev.conclave.model.WireJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deterministic, schema-valid analyses derived from a digest's facts: the same digest always
 * gets the same answer, and every sentence is traceable to something in the project (a service
 * without a Dockerfile gets that as a deployment blocker, a library without a release workflow that).
 * Deployment is judged by the project's kind as the scanner decided it; only secrets the scanner
 * classed as likely real are called committed secrets. No network, no randomness.
 */
public final class OfflineAnalyst {

    public JsonNode answer(String role, ScanDigest digest, Map<String, JsonNode> panel) {
        return switch (role) {
            case "architect" -> WireJson.tree(architect(digest));
            case "deployment" -> WireJson.tree(deployment(digest));
            case "business" -> WireJson.tree(business(digest));
            case "aggregator" -> WireJson.tree(aggregate(digest, panel));
            default -> generic(role, digest);
        };
    }

    ArchitectAnalysis architect(ScanDigest digest) {
        ProjectFacts facts = digest.facts();
        List<String> patterns = new ArrayList<>();
        for (String manifest : facts.manifests()) {
            String file = manifest.substring(manifest.lastIndexOf('/') + 1);
            switch (file) {
                case "pom.xml" -> addOnce(patterns, "Maven build" + (facts.manifests().stream()
                        .filter(m -> m.endsWith("pom.xml")).count() > 1 ? " with several modules" : ""));
                case "package.json" -> addOnce(patterns, "npm package");
                case "pyproject.toml", "requirements.txt", "setup.py" -> addOnce(patterns, "Python package");
                case "go.mod" -> addOnce(patterns, "Go module");
                case "Cargo.toml" -> addOnce(patterns, "Cargo crate");
                default -> addOnce(patterns, "Dependency manifest " + file);
            }
        }
        ProjectKind kind = digest.scores().projectKind();
        if (kind != ProjectKind.UNKNOWN) {
            patterns.add(0, capitalised(kind.label()));
        }
        if (facts.hasDockerfile()) {
            patterns.add("Containerised service");
        }
        if (!facts.entryPoints().isEmpty()) {
            patterns.add("Single entry point (" + facts.entryPoints().get(0) + ")");
        }
        if (patterns.isEmpty()) {
            patterns.add("Flat layout without a build manifest");
        }
        double testRatio = facts.sourceFiles() == 0 ? 0 : (double) facts.testFiles() / facts.sourceFiles();
        Level debt = !facts.hasTests() ? Level.HIGH : testRatio < 0.2 ? Level.MEDIUM : Level.LOW;
        String assessment = "%s is a %s %s of %d files (%s). %s".formatted(digest.projectName(),
                digest.primaryLanguage(), noun(kind), digest.fileCount(), languages(digest),
                facts.hasTests() ? "It has %d test files for %d source files.".formatted(facts.testFiles(),
                        facts.sourceFiles()) : "It has no tests, so every change is a risk.");
        String scalability = kind == ProjectKind.LIBRARY
                ? "As a library it runs inside its users' processes: it scales with them as long as it keeps no global state."
                : kind == ProjectKind.CLI
                ? "As a command-line tool it runs once per invocation: what matters is start-up time and memory on large inputs."
                : facts.hasDockerfile()
                ? "It ships as a container, so it can be replicated behind a load balancer once its state is external."
                : "It has no container image yet; scaling out starts with packaging it reproducibly.";
        return new ArchitectAnalysis(assessment, patterns, scalability, debt);
    }

    DeploymentAnalysis deployment(ScanDigest digest) {
        ProjectFacts facts = digest.facts();
        List<Blocker> blockers = new ArrayList<>();
        committedSecrets(digest).ifPresent(blockers::add);
        boolean judgedAsService = judgedAsService(digest);
        if (judgedAsService) {
            if (!facts.hasDockerfile()) {
                blockers.add(new Blocker("No Dockerfile: the project has no reproducible runtime image", Level.HIGH));
            }
            if (!facts.hasCi()) {
                blockers.add(new Blocker("No CI workflow: nothing builds or tests a change before it ships", Level.MEDIUM));
            }
        } else {
            // A library or a tool: what is missing is what the scanner found missing for that kind.
            for (ScoreFinding finding : digest.scores().findings()) {
                if (finding.score().equals("deployment_readiness") && finding.points() == 0) {
                    Blocker blocker = RELEASE_BLOCKERS.get(finding.signal());
                    if (blocker != null) {
                        blockers.add(blocker);
                    }
                }
            }
        }
        if (!facts.hasTests()) {
            blockers.add(new Blocker("No automated tests to gate a release", Level.MEDIUM));
        }
        if (judgedAsService && !facts.hasEnvExample()) {
            blockers.add(new Blocker("No .env.example: required configuration is undocumented", Level.LOW));
        }
        blockers.sort(Comparator.comparing((Blocker b) -> -b.severity().ordinal()));
        ProjectKind kind = digest.scores().projectKind();
        String registry = registry(digest.primaryLanguage());
        String strategy = switch (kind) {
            case LIBRARY -> "Publish " + digest.projectName() + " to " + registry
                    + " from tagged releases built and tested in CI; it is never deployed on its own.";
            case CLI -> "Ship the command through " + registry
                    + " and as release binaries built in CI from tags, so users install it with one command.";
            case MONOREPO -> judgedAsService
                    ? "Deploy each service of the repository on its own from CI, with its own image and version."
                    : "Release each package of the repository on its own from CI, with its own version.";
            default -> facts.hasKubernetes() ? "Kubernetes manifests are present: roll out with rolling updates."
                    : facts.hasDockerfile() ? "Build the container image and run it on a managed container platform."
                    : "Package the " + digest.primaryLanguage() + " application first, then deploy it as a container.";
        };
        String infrastructure = judgedAsService
                ? (facts.hasCompose() ? "Keep docker compose for local runs; " : "Add a compose file for local runs; ")
                        + (facts.hasCi() ? "extend the existing CI (" + String.join(", ", facts.ciWorkflows()) + ") with a deploy stage."
                                : "add a CI pipeline that builds, tests and publishes the image.")
                : "No runtime infrastructure: it runs on its users' machines. "
                        + (facts.hasCi() ? "Extend the existing CI (" + String.join(", ", facts.ciWorkflows())
                                + ") to test every supported version and publish on a tag."
                                : "Add a CI pipeline that tests every supported version and publishes on a tag.");
        List<String> roadmap = new ArrayList<>();
        blockers.forEach(b -> roadmap.add("Fix: " + b.issue()));
        if (judgedAsService) {
            roadmap.add("Deploy a first version to a staging environment");
            roadmap.add("Add monitoring and a health endpoint before production traffic");
        } else {
            roadmap.add("Tag a release and publish it to " + registry);
            roadmap.add("State the supported versions and how long a release is maintained");
        }
        return new DeploymentAnalysis(strategy, infrastructure, blockers, roadmap);
    }

    /** What a library or a tool misses, by the scanner's deployment-readiness signal that found it missing. */
    private static final Map<String, Blocker> RELEASE_BLOCKERS = Map.of(
            "packaging", new Blocker("No package metadata: there is nothing to publish to a package index", Level.HIGH),
            "distribution", new Blocker("No distribution: users have no way to install the command", Level.HIGH),
            "release_workflow", new Blocker("No release workflow: releases are built and published by hand", Level.MEDIUM),
            "ci", new Blocker("No CI workflow: nothing builds or tests a change before it ships", Level.MEDIUM),
            "versioning", new Blocker("No declared version or change log: users cannot tell what changed", Level.LOW),
            "install_instructions", new Blocker("No installation section in the README", Level.LOW));

    /**
     * Committed secrets as a blocker: only those the scanner classed as likely real, with where they are;
     * test fixtures and placeholders were redacted too but accuse nobody. A digest from before the
     * classes (redactions but no findings) keeps the old reading: every redaction counts.
     */
    private static Optional<Blocker> committedSecrets(ScanDigest digest) {
        SecretFindings findings = digest.scores().secretFindings();
        int count;
        List<String> types;
        String where = "";
        if (findings.total() == 0) {
            count = digest.redactions().total();
            types = List.copyOf(digest.redactions().byType().keySet());
        } else {
            count = findings.count(SecretClass.LIKELY_REAL);
            List<SecretFinding> real = findings.listed(SecretClass.LIKELY_REAL);
            types = real.stream().map(SecretFinding::rule).distinct().sorted().toList();
            where = real.stream().limit(3).map(f -> f.path() + ":" + f.line())
                    .collect(Collectors.joining(", ", "; at ", real.size() > 3 ? ", ..." : ""));
        }
        if (count == 0) {
            return Optional.empty();
        }
        // The values never left the machine; that they are in the repository is the finding.
        return Optional.of(new Blocker(count + (count == 1 ? " secret is" : " secrets are") + " committed to the"
                + " repository (" + String.join(", ", types) + where + "): rotate "
                + (count == 1 ? "it and load it" : "them and load them") + " from the environment", Level.HIGH));
    }

    /**
     * A service, an unknown kind (as before kinds existed) and a monorepo the scanner judged by its
     * runtime pieces (its deployment findings include the Dockerfile) are judged as services.
     */
    private static boolean judgedAsService(ScanDigest digest) {
        return switch (digest.scores().projectKind()) {
            case SERVICE, UNKNOWN -> true;
            case LIBRARY, CLI -> false;
            case MONOREPO -> digest.scores().findings().stream().anyMatch(f -> f.signal().equals("dockerfile"));
        };
    }

    /** Where packages of a language are published. */
    private static String registry(String language) {
        return switch (language) {
            case "Python" -> "PyPI";
            case "JavaScript", "TypeScript" -> "npm";
            case "Rust" -> "crates.io";
            case "Java", "Kotlin", "Scala", "Groovy" -> "Maven Central";
            case "Ruby" -> "RubyGems";
            case "Go" -> "the Go module proxy (a tagged version)";
            case "C#", "F#" -> "NuGet";
            case "PHP" -> "Packagist";
            case "Swift" -> "the Swift Package Index";
            default -> "its language's package registry";
        };
    }

    private static String noun(ProjectKind kind) {
        return kind == ProjectKind.UNKNOWN ? "project" : kind.label();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    BusinessAnalysis business(ScanDigest digest) {
        String problem = readmeSentence(digest.readme())
                .orElse("Not stated: the project has no README that says what problem it solves.");
        int viability = clamp((int) Math.round(digest.scores().documentationQualityPercent() / 20.0
                + digest.scores().deploymentReadinessPercent() / 25.0 + digest.scores().codeQuality() / 5.0), 0, 10);
        boolean portfolio = digest.facts().hasReadme() && digest.facts().hasTests();
        String audience = "Developers working with " + digest.primaryLanguage();
        String pitch = "%s: a %s %s with %d files%s.".formatted(digest.projectName(), digest.primaryLanguage(),
                noun(digest.scores().projectKind()), digest.fileCount(), portfolio ? ", documented and tested" : "");
        return new BusinessAnalysis(problem, audience,
                viability >= 6 ? "Open core with a hosted paid tier" : "Open source first; monetisation after adoption",
                viability, portfolio, pitch);
    }

    AggregatedInsights aggregate(ScanDigest digest, Map<String, JsonNode> panel) {
        List<String> priorities = new ArrayList<>();
        JsonNode deployment = panel.get("deployment");
        if (deployment != null) {
            for (String severity : List.of("high", "medium", "low")) {
                deployment.path("deployment_blockers").forEach(b -> {
                    if (severity.equals(b.path("severity").asText())) {
                        priorities.add(b.path("issue").asText());
                    }
                });
            }
        }
        JsonNode architect = panel.get("architect");
        if (architect != null && !"low".equals(architect.path("technical_debt_priority").asText())) {
            priorities.add(0 == priorities.size() ? "Pay down technical debt" : "Then pay down technical debt ("
                    + architect.path("technical_debt_priority").asText() + " priority)");
        }
        for (String filler : List.of("Write down the architecture and its decisions",
                "Measure the critical paths before optimising", "Keep the README current")) {
            addOnce(priorities, filler);
        }
        int vibe = clamp((int) Math.round(digest.scores().codeQuality()), 0, 10);
        int market = panel.containsKey("business") ? panel.get("business").path("market_viability").asInt(5) : 5;
        int fit = clamp((int) Math.round((market + digest.scores().deploymentReadinessPercent() / 10.0) / 2), 0, 10);
        String overall = "%s (%s %s): %d of the panel's roles answered (%s). Code quality %.1f/10, deployment readiness %d%%, documentation %d%%."
                .formatted(digest.projectName(), digest.primaryLanguage(), noun(digest.scores().projectKind()), panel.size(),
                        String.join(", ", panel.keySet().stream().sorted().toList()), digest.scores().codeQuality(),
                        digest.scores().deploymentReadinessPercent(), digest.scores().documentationQualityPercent());
        return new AggregatedInsights(overall, List.copyOf(priorities.subList(0, 3)), vibe, fit);
    }

    JsonNode generic(String role, ScanDigest digest) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("summary", "%s looked at %s: %d files, mostly %s.".formatted(role, digest.projectName(),
                digest.fileCount(), digest.primaryLanguage()));
        answer.put("findings", List.of(languages(digest)));
        answer.put("priority", "medium");
        return WireJson.tree(answer);
    }

    private static String languages(ScanDigest digest) {
        if (digest.languages().isEmpty()) {
            return "no recognised source";
        }
        return digest.languages().stream().limit(3)
                .map(l -> "%s %d lines".formatted(l.language(), l.lines()))
                .collect(Collectors.joining(", "));
    }

    private static Optional<String> readmeSentence(FileExcerpt readme) {
        if (readme == null) {
            return Optional.empty();
        }
        return readme.content().lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("[!") && !line.startsWith("!["))
                .findFirst()
                .map(line -> line.length() > 240 ? line.substring(0, 240) + "…" : line);
    }

    private static void addOnce(List<String> items, String item) {
        if (!items.contains(item)) {
            items.add(item);
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
