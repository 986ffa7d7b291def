package dev.conclave.scanner.compress;

import dev.conclave.model.Compression;
import dev.conclave.scanner.Condensing;
import dev.conclave.scanner.Languages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fits the files a digest quotes into a token budget, in two steps. First every file is condensed
 * without losing meaning: comments stripped by a lexer that knows the language's strings, whitespace
 * tidied, repeated rows and long data lines collapsed with a visible marker. Then the budget is spent
 * in the order of their part: the README (cut section by section, every heading kept) and every manifest always,
 * then entry points, configuration, source, tests and docs, each capped so that one large file cannot
 * crowd out the rest, truncated with {@code … [truncated: N lines]} or omitted when no useful part fits.
 *
 * <p>Stateless apart from its token counter, so one compressor may be shared by threads when the counter
 * may (the cl100k counter may).
 */
public final class ContextCompressor {

    /** The README's share of the budget; the rest goes to manifests and source. */
    static final double README_SHARE = 0.25;
    /**
     * All manifests together. A manifest is the densest description of a project (its dependencies), so
     * they get most of the budget; only past this share is each truncated to an equal part, still quoted.
     */
    static final double MANIFESTS_SHARE = 0.60;
    /** No other file takes more than this share, so the budget buys a sample of the project. */
    static final double FILE_SHARE = 1.0 / 6;
    /** Fewer tokens than this of a file tell a model nothing, so such a file is omitted instead. */
    static final int SMALLEST_USEFUL_EXCERPT = 64;

    private static final Comparator<CandidateFile> BUDGET_ORDER = Comparator.comparing(CandidateFile::part)
            .thenComparingInt(CandidateFile::depth)
            .thenComparing(CandidateFile::path);

    private final TokenMeter tokens;

    public ContextCompressor(TokenMeter tokens) {
        this.tokens = tokens;
    }

    /**
     * @param candidates files the digest may quote, already redacted
     * @param budget     tokens all quoted files may take together; 0 or less for no budget (condense only).
     *                   README headings and manifests are kept even when they alone are over it.
     */
    public CompressedContext compress(List<CandidateFile> candidates, int budget) {
        List<CandidateFile> ordered = candidates.stream().sorted(BUDGET_ORDER).toList();
        List<CompressedFile> kept = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        long before = 0;
        boolean unlimited = budget <= 0;
        long manifestTokens = 0;
        List<String> condensed = new ArrayList<>(ordered.size());
        for (CandidateFile file : ordered) {
            String text = condense(file);
            condensed.add(text);
            if (file.part() == ContextPart.MANIFEST) {
                manifestTokens += tokens.count(text);
            }
        }
        long manifestCount = ordered.stream().filter(file -> file.part() == ContextPart.MANIFEST).count();
        int manifestAllowance = unlimited || manifestTokens <= budget * MANIFESTS_SHARE
                ? Integer.MAX_VALUE
                : (int) Math.max(SMALLEST_USEFUL_EXCERPT, budget * MANIFESTS_SHARE / manifestCount);

        long remaining = unlimited ? Long.MAX_VALUE : budget;
        for (int i = 0; i < ordered.size(); i++) {
            CandidateFile file = ordered.get(i);
            int tokensBefore = tokens.count(file.text());
            before += tokensBefore;
            String text = condensed.get(i);
            int size = tokens.count(text);
            String content;
            boolean truncated = false;
            if (unlimited) {
                content = text;
            } else if (file.part() == ContextPart.README) {
                int allowance = (int) (budget * README_SHARE);
                truncated = size > allowance;
                content = truncated ? ReadmeOutline.fit(text, allowance, tokens::count) : text;
            } else if (file.part() == ContextPart.MANIFEST) {
                truncated = size > manifestAllowance;
                content = truncated ? truncate(text, manifestAllowance) : text;
            } else {
                long allowance = Math.min(remaining, Math.max((long) (budget * FILE_SHARE), SMALLEST_USEFUL_EXCERPT));
                if (size <= allowance) {
                    content = text;
                } else if (allowance >= SMALLEST_USEFUL_EXCERPT) {
                    content = truncate(text, (int) allowance);
                    truncated = true;
                } else {
                    omitted.add(file.path());
                    continue;
                }
            }
            int after = tokens.count(content);
            remaining -= after;
            kept.add(new CompressedFile(file.path(), file.part(), content, truncated, tokensBefore, after));
        }
        long after = kept.stream().mapToLong(CompressedFile::tokensAfter).sum();
        return new CompressedContext(kept, omitted, new Compression(before, after, unlimited ? 0 : budget));
    }

    /** Comments, whitespace and repetition out; a README also loses its badges. */
    String condense(CandidateFile file) {
        Condensing condensing = Languages.condensing(file.path());
        String text = CommentStripper.strip(file.text(), condensing);
        if (condensing.kind() == Condensing.Kind.MARKDOWN) {
            return CommentStripper.tidyLines(ReadmeOutline.withoutBadges(text));
        }
        return CommentStripper.tidyLines(RepetitionCollapser.collapse(text));
    }

    /** The most whole lines from the top that fit with their marker. */
    private String truncate(String text, int allowance) {
        String[] lines = text.split("\n", -1);
        int total = text.endsWith("\n") ? lines.length - 1 : lines.length;
        int low = 0;
        int high = total;
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (tokens.count(withMarker(lines, middle, total)) <= allowance) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return withMarker(lines, low, total);
    }

    private static String withMarker(String[] lines, int kept, int total) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < kept; i++) {
            out.append(lines[i]).append('\n');
        }
        if (kept < total) {
            out.append("… [truncated: ").append(total - kept).append(" lines]\n");
        }
        return out.toString();
    }
}
