package dev.conclave.scanner;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.conclave.model.LanguageStat;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the scanner reports on real projects: kind, deployment readiness, secret findings by class,
 * lines per language. Not a test (surefire's includes do not match it); it runs when named, over each
 * project folder inside a directory given as a system property, e.g. snapshots of public repositories:
 *
 * <pre>
 * ./mvnw -q -B -pl project-scanner -am test -Dtest=SecretFindingsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dconclave.benchmark.projects=/tmp/corpus [-Dconclave.benchmark.verbose=true]
 * </pre>
 *
 * With {@code verbose} every finding is printed by file, line, rule, class and reason (never a value).
 */
class SecretFindingsBenchmark {

    @Test
    void reportEachProject() throws Exception {
        String directory = System.getProperty("conclave.benchmark.projects");
        assumeTrue(directory != null && !directory.isBlank(),
                "set -Dconclave.benchmark.projects to a folder whose sub-folders are projects");
        boolean verbose = Boolean.getBoolean("conclave.benchmark.verbose");
        ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());
        System.out.println("| project | kind | deployment | redacted | likely real | test fixture | example | marked | top language: lines (code) |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        try (Stream<Path> projects = Files.list(Path.of(directory))) {
            for (Path project : projects.filter(Files::isDirectory).sorted().toList()) {
                ScanDigest digest = scanner.scan(project, project.getFileName().toString());
                var secrets = digest.scores().secretFindings();
                LanguageStat top = digest.languages().stream()
                        .filter(l -> l.language().equals(digest.primaryLanguage())).findFirst().orElse(null);
                System.out.printf("| %s | %s | %d%% | %d | %d | %d | %d | %d | %s |%n", digest.projectName(),
                        digest.scores().projectKind().wire(), digest.scores().deploymentReadinessPercent(),
                        digest.redactions().total(), secrets.count(SecretClass.LIKELY_REAL),
                        secrets.count(SecretClass.TEST_FIXTURE), secrets.count(SecretClass.EXAMPLE),
                        secrets.count(SecretClass.MARKED_FALSE_POSITIVE),
                        top == null ? "-" : top.language() + ": " + top.lines() + " (" + top.codeLines() + ")");
                if (verbose) {
                    for (SecretFinding finding : secrets.listed()) {
                        System.out.printf("    %s:%d %s %s (%s)%n", finding.path(), finding.line(), finding.rule(),
                                finding.secretClass().wire(), finding.reason());
                    }
                    System.out.println("    kind: " + digest.scores().findings().stream()
                            .filter(f -> f.score().equals("deployment_readiness"))
                            .map(ScoreFinding::detail).collect(Collectors.joining("; ")));
                }
            }
        }
    }
}
