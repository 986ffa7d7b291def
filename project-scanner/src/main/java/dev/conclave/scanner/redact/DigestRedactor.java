package dev.conclave.scanner.redact;

import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.Redactions;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.SecretFinding;
import dev.conclave.model.SecretFindings;
import dev.conclave.model.StaticScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Redacts a whole digest, whoever built it: every text a prompt is built from (the project's name,
 * paths, excerpts, facts, score details and secret findings) passes through the {@link SecretRedactor}.
 * The gateway applies it to every submission, because a client may send a digest it built itself and a
 * provider must never see a secret whatever a client sends. A digest built by project-scanner is already
 * redacted, and a placeholder never matches a rule, so applying it again changes nothing.
 *
 * <p>Secrets found here are added to the digest's counts and to its listed findings, so a report still
 * says the project had them. Immutable and thread-safe, like the redactor.
 */
public final class DigestRedactor {
    /** A name that selects no file-kind rules beyond those for program source: the conservative reading. */
    private static final String NO_FILE = "";

    private final SecretRedactor redactor = new SecretRedactor();

    /** The digest with every secret in its texts replaced by a typed placeholder; null stays null. */
    public ScanDigest redact(ScanDigest digest) {
        if (digest == null) {
            return null;
        }
        Found found = new Found();
        List<LanguageStat> languages = digest.languages().stream()
                .map(l -> new LanguageStat(found.text(l.language()), l.files(), l.lines(),
                        l.codeLines(), l.commentLines(), l.blankLines()))
                .toList();
        String name = found.text(digest.projectName());
        List<String> tree = found.texts(digest.tree());
        FileExcerpt readme = found.excerpt(digest.readme());
        List<FileExcerpt> manifests = found.excerpts(digest.manifests());
        List<FileExcerpt> sources = found.excerpts(digest.sources());
        ProjectFacts facts = facts(digest.facts(), found);
        // Last: the scores take in every finding made above, and the counts every redaction.
        StaticScores scores = scores(digest.scores(), found);
        return new ScanDigest(name, digest.fileCount(), digest.totalBytes(), languages, tree, digest.treeTruncated(),
                readme, manifests, facts, scores, sources, found.added(digest.redactions()), digest.compression());
    }

    private static ProjectFacts facts(ProjectFacts facts, Found found) {
        if (facts == null) {
            return null;
        }
        return new ProjectFacts(facts.hasReadme(), facts.hasLicense(), facts.hasDockerfile(), facts.hasCompose(),
                facts.hasKubernetes(), facts.hasEnvExample(), facts.hasDocsFolder(), facts.testFiles(),
                facts.sourceFiles(), found.texts(facts.ciWorkflows()), found.texts(facts.entryPoints()),
                found.texts(facts.manifests()));
    }

    private static StaticScores scores(StaticScores scores, Found found) {
        if (scores == null) {
            return null;
        }
        List<ScoreFinding> findings = scores.findings().stream()
                .map(f -> new ScoreFinding(found.text(f.score()), found.text(f.signal()),
                        f.points(), found.text(f.detail())))
                .toList();
        SecretFindings secrets = scores.secretFindings();
        List<SecretFinding> listed = new ArrayList<>(secrets.listed().stream()
                .map(f -> new SecretFinding(found.text(f.path()), f.line(), found.text(f.rule()),
                        f.secretClass(), found.text(f.reason())))
                .toList());
        List<String> problems = found.texts(secrets.problems());
        // Found here, so the client's digest did not count them: they join its counts and its list.
        Map<String, Integer> byClass = new TreeMap<>(secrets.byClass());
        for (SecretFinding finding : found.findings) {
            byClass.merge(finding.secretClass().wire(), 1, Integer::sum);
            if (listed.size() < RedactionTally.MAX_LISTED_FINDINGS) {
                listed.add(finding); // a hostile digest may hold any number: the list stays bounded, the counts do not
            }
        }
        return new StaticScores(scores.codeQuality(), scores.deploymentReadinessPercent(),
                scores.documentationQualityPercent(), findings, scores.projectKind(),
                new SecretFindings(byClass, listed, problems));
    }

    /** The redactions made while walking one digest. Belongs to one call. */
    private final class Found {
        private final Map<String, Integer> byType = new TreeMap<>();
        private final List<SecretFinding> findings = new ArrayList<>();

        String text(String text) {
            return text(NO_FILE, text);
        }

        String text(String path, String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            Redacted redacted = redactor.redact(path == null ? NO_FILE : path, text);
            redacted.byType().forEach((type, count) -> byType.merge(type, count, Integer::sum));
            findings.addAll(redacted.findings());
            return redacted.text();
        }

        List<String> texts(List<String> texts) {
            return texts == null ? List.of() : texts.stream().map(this::text).toList();
        }

        FileExcerpt excerpt(FileExcerpt excerpt) {
            if (excerpt == null) {
                return null;
            }
            // The content is read as the file it came from (a .env is all assignments), under its original name.
            String content = text(excerpt.path(), excerpt.content());
            return new FileExcerpt(text(excerpt.path()), content, excerpt.truncated());
        }

        List<FileExcerpt> excerpts(List<FileExcerpt> excerpts) {
            return excerpts == null ? List.of() : excerpts.stream().map(this::excerpt).toList();
        }

        Redactions added(Redactions earlier) {
            if (byType.isEmpty()) {
                return earlier;
            }
            Map<String, Integer> merged = new TreeMap<>(earlier.byType());
            byType.forEach((type, count) -> merged.merge(type, count, Integer::sum));
            return new Redactions(merged);
        }
    }
}
