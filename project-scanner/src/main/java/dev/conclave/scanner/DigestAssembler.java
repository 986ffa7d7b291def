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
import java.util.function.Function;
import dev.conclave.model.Compression;
import dev.conclave.model.Redactions;
import dev.conclave.scanner.compress.CandidateFile;
import dev.conclave.scanner.compress.CompressedContext;
import dev.conclave.scanner.compress.ContextCompressor;
import dev.conclave.scanner.compress.ContextPart;
import dev.conclave.scanner.compress.TokenMeter;
import dev.conclave.model.SecretFindings;
import dev.conclave.scanner.redact.KnownFalsePositives;
import dev.conclave.scanner.redact.RedactionTally;
import dev.conclave.scanner.redact.SecretRedactor;

/**
 * The shared core of both scan entry points: from the summaries of the admitted files to the
 * digest. It never sees where the files came from, which is what makes a directory scan and a
 * file-list scan of the same project agree.
 */
final class DigestAssembler {

    /** Shallow files first: the root's pom.xml says more about a project than a sample's package.json. */
    private static final Comparator<FileSummary> SHALLOWEST_FIRST =
            Comparator.comparingInt(FileSummary::depth).thenComparing(FileSummary::path);

    /** The order files are considered for quoting after the README and the manifests. */
    private static final List<FileCategory> QUOTED_CATEGORIES = List.of(FileCategory.ENTRY_POINT,
            FileCategory.DOCKERFILE, FileCategory.COMPOSE, FileCategory.CI_WORKFLOW, FileCategory.ENV_EXAMPLE,
            FileCategory.KUBERNETES, FileCategory.INFRASTRUCTURE_AS_CODE, FileCategory.LINT_CONFIG, FileCategory.SOURCE,
            FileCategory.TEST, FileCategory.DOCS);

    /** Findings listed by file and line; the counts by class cover all of them. Enough to check in a minute. */
    static final int MAX_LISTED_SECRET_FINDINGS = RedactionTally.MAX_LISTED_FINDINGS;

    private final ScanLimits limits;
    private final SecretRedactor redactor = new SecretRedactor();
    private final ContextCompressor compressor = new ContextCompressor(TokenMeter.cl100k());

    DigestAssembler(ScanLimits limits) {
        this.limits = limits;
    }

    /**
     * @param contents the text of an admitted file by its path, read again only for the few files
     *                 the digest quotes (null when it cannot be read any more)
     */
    ScanDigest assemble(String projectName, List<FileSummary> admitted, Function<String, String> contents) {
        List<FileSummary> files = admitted.stream().sorted(Comparator.comparing(FileSummary::path)).toList();
        long totalBytes = files.stream().mapToLong(FileSummary::sizeBytes).sum();
        List<String> tree = files.stream().limit(limits.maxTreeEntries()).map(FileSummary::path).toList();
        boolean treeTruncated = files.size() > limits.maxTreeEntries();

        Optional<FileSummary> readme = chooseReadme(files);
        List<FileSummary> manifests = files.stream()
                .filter(file -> file.is(FileCategory.MANIFEST))
                .sorted(SHALLOWEST_FIRST)
                .limit(limits.maxManifests())
                .toList();
        Quoted quoted = quote(readme, manifests, files, contents);

        ProjectFacts facts = facts(files, readme.isPresent());
        KindJudgement kind = ProjectKindRules.judge(files);
        ScoreSignals signals = signals(files, facts, readme, kind);
        ScoreSheet codeQuality = CodeQualityScore.of(signals);
        ScoreSheet deploymentReadiness = DeploymentReadinessScore.of(signals);
        ScoreSheet documentationQuality = DocumentationQualityScore.of(signals);
        List<ScoreFinding> findings = new ArrayList<>(codeQuality.findings());
        findings.addAll(deploymentReadiness.findings());
        findings.addAll(documentationQuality.findings());
        StaticScores scores = new StaticScores(codeQuality.value(), (int) deploymentReadiness.value(),
                (int) documentationQuality.value(), findings, kind.kind(), secretFindings(files, contents));

        return new ScanDigest(projectName, files.size(), totalBytes, languageStats(files), tree, treeTruncated,
                quoted.readme(), quoted.manifests(), facts, scores, quoted.sources(), quoted.redactions(),
                quoted.compression());
    }

    /**
     * Every redacted value as the report lists it: classed when it was redacted, then marked by the
     * project's own list of known false positives, if it has one in its root.
     */
    private SecretFindings secretFindings(List<FileSummary> files, Function<String, String> contents) {
        RedactionTally tally = new RedactionTally();
        files.forEach(file -> tally.add(file.secrets()));
        boolean listed = files.stream().anyMatch(file -> file.path().equals(KnownFalsePositives.FILE_NAME));
        KnownFalsePositives known = listed ? KnownFalsePositives.parse(contents.apply(KnownFalsePositives.FILE_NAME))
                : KnownFalsePositives.NONE;
        return tally.toSecretFindings(known, MAX_LISTED_SECRET_FINDINGS);
    }

    /** What the digest quotes, every text redacted before anything else keeps it, then compressed. */
    private record Quoted(FileExcerpt readme, List<FileExcerpt> manifests, List<FileExcerpt> sources,
            Redactions redactions, Compression compression) {
    }

    private Quoted quote(Optional<FileSummary> readme, List<FileSummary> manifests, List<FileSummary> files,
            Function<String, String> contents) {
        // Counted from every file, quoted or not; the quoted texts are redacted again below, uncounted.
        RedactionTally tally = new RedactionTally();
        files.forEach(file -> tally.add(file.secrets()));
        List<CandidateFile> candidates = new ArrayList<>();
        readme.filter(FileSummary::read).ifPresent(file -> candidates.add(candidate(file.path(), file.content(),
                ContextPart.README)));
        manifests.stream().filter(FileSummary::read).forEach(file -> candidates.add(candidate(file.path(),
                file.content(), ContextPart.MANIFEST)));
        files.stream()
                .filter(file -> file.read() && !file.is(FileCategory.README) && !file.is(FileCategory.MANIFEST))
                .filter(file -> quotedCategory(file).isPresent())
                .sorted(Comparator.comparingInt((FileSummary file) -> QUOTED_CATEGORIES.indexOf(quotedCategory(file).get()))
                        .thenComparing(SHALLOWEST_FIRST))
                .limit(limits.maxQuotedFiles())
                .forEach(file -> {
                    String text = contents.apply(file.path());
                    if (text != null) {
                        candidates.add(candidate(file.path(), text, contextPart(quotedCategory(file).get())));
                    }
                });
        CompressedContext context = compressor.compress(candidates, limits.contextTokens());
        // A README or manifest over the read limit was never read: an empty excerpt marked truncated says so.
        FileExcerpt readmeExcerpt = readme.map(file -> file.read()
                ? context.readme().map(excerpt -> capped(excerpt, limits.readmeExcerptChars())).orElse(null)
                : new FileExcerpt(file.path(), "", true)).orElse(null);
        Map<String, FileExcerpt> compressedManifests = new LinkedHashMap<>();
        context.manifests().forEach(excerpt -> compressedManifests.put(excerpt.path(), excerpt));
        List<FileExcerpt> manifestExcerpts = manifests.stream()
                .map(file -> Optional.ofNullable(compressedManifests.get(file.path()))
                        .map(excerpt -> capped(excerpt, limits.manifestExcerptChars()))
                        .orElseGet(() -> new FileExcerpt(file.path(), "", true)))
                .toList();
        return new Quoted(readmeExcerpt, manifestExcerpts, context.sources(), tally.toRedactions(),
                context.compression());
    }

    private CandidateFile candidate(String path, String text, ContextPart part) {
        return new CandidateFile(path, redactor.redact(path, text).text(), part);
    }

    private static Optional<FileCategory> quotedCategory(FileSummary file) {
        return QUOTED_CATEGORIES.stream().filter(file::is).findFirst();
    }

    private static ContextPart contextPart(FileCategory category) {
        return switch (category) {
            case ENTRY_POINT -> ContextPart.ENTRY_POINT;
            case TEST -> ContextPart.TEST;
            case SOURCE -> ContextPart.SOURCE;
            case DOCS -> ContextPart.DOCS;
            default -> ContextPart.CONFIGURATION;
        };
    }

    private static FileExcerpt capped(FileExcerpt excerpt, int maxChars) {
        String content = excerpt.content();
        if (content.length() <= maxChars) {
            return excerpt;
        }
        int end = Character.isHighSurrogate(content.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return new FileExcerpt(excerpt.path(), content.substring(0, end), true);
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
                .filter(file -> file.is(FileCategory.README))
                .min(Comparator.comparingInt(FileSummary::depth)
                        .thenComparingInt(file -> FileConventions.README_NAMES.indexOf(file.lowerName()))
                        .thenComparing(FileSummary::path));
    }

    private ProjectFacts facts(List<FileSummary> files, boolean hasReadme) {
        return new ProjectFacts(
                hasReadme,
                any(files, FileCategory.LICENCE),
                any(files, FileCategory.DOCKERFILE),
                any(files, FileCategory.COMPOSE),
                any(files, FileCategory.KUBERNETES),
                any(files, FileCategory.ENV_EXAMPLE),
                any(files, FileCategory.DOCS),
                count(files, FileCategory.TEST),
                count(files, FileCategory.SOURCE),
                paths(files, FileCategory.CI_WORKFLOW),
                paths(files, FileCategory.ENTRY_POINT),
                paths(files, FileCategory.MANIFEST));
    }

    private static boolean any(List<FileSummary> files, FileCategory category) {
        return files.stream().anyMatch(file -> file.is(category));
    }

    private static int count(List<FileSummary> files, FileCategory category) {
        return (int) files.stream().filter(file -> file.is(category)).count();
    }

    /** Paths of the files in a category, shallowest first, capped like the tree so the digest stays bounded. */
    private List<String> paths(List<FileSummary> files, FileCategory category) {
        return files.stream()
                .filter(file -> file.is(category))
                .sorted(SHALLOWEST_FIRST)
                .limit(limits.maxTreeEntries())
                .map(FileSummary::path)
                .toList();
    }

    private static ScoreSignals signals(List<FileSummary> files, ProjectFacts facts, Optional<FileSummary> readme,
            KindJudgement kind) {
        long sourceLines = 0;
        long codeLines = 0;
        long commentLines = 0;
        int todoMarkers = 0;
        int veryLargeFiles = 0;
        FileSummary largest = null;
        long branchPoints = 0;
        List<long[]> windows = new ArrayList<>();
        for (FileSummary file : files) {
            if (!file.is(FileCategory.SOURCE)) {
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
                readme.map(FileSummary::path).orElse(null),
                kind);
    }

    /** The shallowest file of each category, so a finding can name a file the reader can open. */
    private static Map<FileCategory, String> examplePaths(List<FileSummary> files) {
        Map<FileCategory, String> examples = new EnumMap<>(FileCategory.class);
        files.stream().sorted(SHALLOWEST_FIRST).forEach(file -> {
            for (FileCategory category : file.categories()) {
                examples.putIfAbsent(category, file.path());
            }
        });
        return examples;
    }
}
