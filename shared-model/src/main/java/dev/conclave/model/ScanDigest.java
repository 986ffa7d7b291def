package dev.conclave.model;

import java.util.List;
import java.util.Set;

/**
 * The bounded summary of a project that the models read. Built by project-scanner, by the CLI
 * (which sends it) or by the gateway (from uploaded files); it never holds a whole project.
 *
 * @param tree          project-relative file paths, at most the scanner's limit
 * @param treeTruncated true when the project had more files than {@code tree} lists
 * @param readme        the README's beginning, or null when the project has none
 * @param manifests     excerpts of build and dependency manifests (pom.xml, package.json, ...)
 * @param sources       excerpts of entry points, configuration and representative source, compressed
 * @param redactions    secrets replaced before anything left the machine, counted by type
 * @param compression   tokens of the quoted files before and after compression
 */
public record ScanDigest(
        String projectName,
        int fileCount,
        long totalBytes,
        List<LanguageStat> languages,
        List<String> tree,
        boolean treeTruncated,
        FileExcerpt readme,
        List<FileExcerpt> manifests,
        ProjectFacts facts,
        StaticScores scores,
        List<FileExcerpt> sources,
        Redactions redactions,
        Compression compression) {

    public ScanDigest {
        languages = List.copyOf(languages);
        tree = List.copyOf(tree);
        manifests = List.copyOf(manifests);
        sources = sources == null ? List.of() : List.copyOf(sources);
        redactions = redactions == null ? Redactions.NONE : redactions;
        compression = compression == null ? Compression.NONE : compression;
    }

    /** A digest without source excerpts, redactions or compression (the first digest's shape). */
    public ScanDigest(String projectName, int fileCount, long totalBytes, List<LanguageStat> languages,
            List<String> tree, boolean treeTruncated, FileExcerpt readme, List<FileExcerpt> manifests,
            ProjectFacts facts, StaticScores scores) {
        this(projectName, fileCount, totalBytes, languages, tree, treeTruncated, readme, manifests, facts, scores,
                List.of(), Redactions.NONE, Compression.NONE);
    }

    /** Languages that describe or configure a project rather than program it. */
    private static final Set<String> NOT_PROGRAMMING = Set.of("Markdown", "YAML", "JSON", "XML", "TOML", "Text",
            "reStructuredText", "Terraform", "HTML", "CSS");

    /** The programming language with the most lines, or "unknown" for a project without recognised source. */
    public String primaryLanguage() {
        return languages.stream()
                .filter(l -> !NOT_PROGRAMMING.contains(l.language()))
                .max((a, b) -> Long.compare(a.lines(), b.lines()))
                .map(LanguageStat::language)
                .orElse("unknown");
    }
}
