package dev.conclave.scanner;

import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.StaticScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared core of both scan entry points: from the summaries of the admitted files to the
 * digest. It never sees where the files came from, which is what makes a directory scan and a
 * file-list scan of the same project agree.
 */
final class DigestAssembler {

    /** Shallow files first: the root's pom.xml says more about a project than a sample's package.json. */
    private static final Comparator<FileSummary> SHALLOWEST_FIRST =
            Comparator.comparingInt(FileSummary::depth).thenComparing(FileSummary::path);

    private final ScanLimits limits;

    DigestAssembler(ScanLimits limits) {
        this.limits = limits;
    }

    ScanDigest assemble(String projectName, List<FileSummary> admitted) {
        List<FileSummary> files = admitted.stream().sorted(Comparator.comparing(FileSummary::path)).toList();
        long totalBytes = files.stream().mapToLong(FileSummary::sizeBytes).sum();
        List<String> tree = files.stream().limit(limits.maxTreeEntries()).map(FileSummary::path).toList();
        boolean treeTruncated = files.size() > limits.maxTreeEntries();

        Optional<FileSummary> readme = chooseReadme(files);
        List<FileExcerpt> manifestExcerpts = files.stream()
                .filter(file -> file.is(FileRole.MANIFEST))
                .sorted(SHALLOWEST_FIRST)
                .limit(limits.maxManifests())
                .map(manifest -> excerpt(manifest, limits.manifestExcerptChars()))
                .toList();

        ProjectFacts facts = facts(files, readme.isPresent());
        ScoreSignals signals = signals(files, facts, readme);
        ScoreSheet codeQuality = CodeQualityScore.of(signals);
        ScoreSheet deploymentReadiness = DeploymentReadinessScore.of(signals);
        ScoreSheet documentationQuality = DocumentationQualityScore.of(signals);
        List<ScoreFinding> findings = new ArrayList<>(codeQuality.findings());
        findings.addAll(deploymentReadiness.findings());
        findings.addAll(documentationQuality.findings());
        StaticScores scores = new StaticScores(codeQuality.value(), (int) deploymentReadiness.value(),
                (int) documentationQuality.value(), findings);

        return new ScanDigest(projectName, files.size(), totalBytes, languageStats(files), tree, treeTruncated,
                readme.map(file -> excerpt(file, limits.readmeExcerptChars())).orElse(null),
                manifestExcerpts, facts, scores);
    }

    /** Most lines first; ties by more files, then by name, so the order never depends on input order. */
    private static List<LanguageStat> languageStats(List<FileSummary> files) {
        Map<String, LanguageStat> byName = new LinkedHashMap<>();
        for (FileSummary file : files) {
            if (file.language() != null) {
                String name = file.language().name();
                byName.merge(name,
                        new LanguageStat(name, 1, file.lines(), file.codeLines(), file.commentLines(), file.blankLines()),
                        (sum, one) -> new LanguageStat(name, sum.files() + 1, sum.lines() + one.lines(),
                                sum.codeLines() + one.codeLines(), sum.commentLines() + one.commentLines(),
                                sum.blankLines() + one.blankLines()));
            }
        }
        List<LanguageStat> stats = new ArrayList<>(byName.values());
        stats.sort(Comparator.comparingLong(LanguageStat::lines).reversed()
                .thenComparing(Comparator.comparingInt(LanguageStat::files).reversed())
                .thenComparing(LanguageStat::language));
        return stats;
    }

    /** The root README if there is one, else the shallowest; README.md before .rst before .txt. */
    private static Optional<FileSummary> chooseReadme(List<FileSummary> files) {
        return files.stream()
                .filter(file -> file.is(FileRole.README))
                .min(Comparator.comparingInt(FileSummary::depth)
                        .thenComparingInt(file -> FileConventions.README_NAMES.indexOf(file.lowerName()))
                        .thenComparing(FileSummary::path));
    }

    private ProjectFacts facts(List<FileSummary> files, boolean hasReadme) {
        return new ProjectFacts(
                hasReadme,
                any(files, FileRole.LICENCE),
                any(files, FileRole.DOCKERFILE),
                any(files, FileRole.COMPOSE),
                any(files, FileRole.KUBERNETES),
                any(files, FileRole.ENV_EXAMPLE),
                any(files, FileRole.DOCS),
                count(files, FileRole.TEST),
                count(files, FileRole.SOURCE),
                paths(files, FileRole.CI_WORKFLOW),
                paths(files, FileRole.ENTRY_POINT),
                paths(files, FileRole.MANIFEST));
    }

    private static boolean any(List<FileSummary> files, FileRole role) {
        return files.stream().anyMatch(file -> file.is(role));
    }

    private static int count(List<FileSummary> files, FileRole role) {
        return (int) files.stream().filter(file -> file.is(role)).count();
    }

    /** Paths of the files in a role, shallowest first, capped like the tree so the digest stays bounded. */
    private List<String> paths(List<FileSummary> files, FileRole role) {
        return files.stream()
                .filter(file -> file.is(role))
                .sorted(SHALLOWEST_FIRST)
                .limit(limits.maxTreeEntries())
                .map(FileSummary::path)
                .toList();
    }

    private static ScoreSignals signals(List<FileSummary> files, ProjectFacts facts, Optional<FileSummary> readme) {
        long sourceLines = 0;
        long codeLines = 0;
        long commentLines = 0;
        int todoMarkers = 0;
        int veryLargeFiles = 0;
        FileSummary largest = null;
        long branchPoints = 0;
        List<long[]> windows = new ArrayList<>();
        for (FileSummary file : files) {
            if (!file.is(FileRole.SOURCE)) {
                continue;
            }
            sourceLines += file.lines();
            codeLines += file.codeLines();
            commentLines += file.commentLines();
            todoMarkers += file.todoMarkers();
            branchPoints += file.shape().branchPoints();
            windows.add(file.shape().windowHashes());
            // An unread source file was over the read limit, so it is very large by any measure.
            if (!file.read() || file.lines() > CodeQualityScore.VERY_LARGE_FILE_LINES) {
                veryLargeFiles++;
            }
            if (largest == null || file.lines() > largest.lines()) {
                largest = file;
            }
        }
        long[] allWindows = windows.stream().flatMapToLong(Arrays::stream).toArray();
        Set<ReadmeSection> sections = readme.filter(FileSummary::read)
                .map(file -> ReadmeSection.foundIn(file.content()))
                .orElse(Set.of());
        return new ScoreSignals(
                facts,
                examplePaths(files),
                sourceLines,
                codeLines,
                commentLines,
                todoMarkers,
                veryLargeFiles,
                largest == null ? null : largest.path(),
                largest == null ? 0 : largest.lines(),
                branchPoints,
                allWindows.length,
                CodeShape.duplicatedWindows(allWindows),
                sections,
                readme.map(FileSummary::path).orElse(null));
    }

    /** The shallowest file of each role, so a finding can name a file the reader can open. */
    private static Map<FileRole, String> examplePaths(List<FileSummary> files) {
        Map<FileRole, String> examples = new EnumMap<>(FileRole.class);
        files.stream().sorted(SHALLOWEST_FIRST).forEach(file -> {
            for (FileRole role : file.roles()) {
                examples.putIfAbsent(role, file.path());
            }
        });
        return examples;
    }

    /**
     * The beginning of a file, cut at a character boundary. A file over the read limit was never
     * read, so its excerpt is empty and marked truncated.
     */
    private static FileExcerpt excerpt(FileSummary file, int maxChars) {
        if (!file.read()) {
            return new FileExcerpt(file.path(), "", true);
        }
        String content = file.content();
        if (content.length() <= maxChars) {
            return new FileExcerpt(file.path(), content, false);
        }
        int end = Character.isHighSurrogate(content.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return new FileExcerpt(file.path(), content.substring(0, end), true);
    }
}
