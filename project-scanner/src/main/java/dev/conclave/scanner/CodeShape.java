package dev.conclave.scanner;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the code-quality score reads from a source file's code (comments removed, string contents
 * emptied, see {@link LineClassifier}): branch points, a cheap stand-in for cyclomatic complexity, and
 * fingerprints of runs of lines, for finding copied code across the project the way copy-paste
 * detectors (PMD CPD, Simian) do.
 *
 * @param branchPoints  if/for/while/case/catch/&amp;&amp;/|| and their equivalents in the code
 * @param windowHashes  one fingerprint per run of {@link #WINDOW_LINES} consecutive significant lines
 */
record CodeShape(int branchPoints, long[] windowHashes) {

    static final CodeShape NONE = new CodeShape(0, new long[0]);

    /** Six lines, as Simian's default: shorter runs repeat by accident (getters, closing braces). */
    static final int WINDOW_LINES = 6;

    private static final Pattern BRANCH = Pattern.compile(
            "\\b(?:if|elif|elsif|for|foreach|while|case|when|catch|except|rescue|guard)\\b|&&|\\|\\||\\band\\b|\\bor\\b");

    /**
     * Lines that repeat in every file by convention rather than by copying, and lines too short to carry
     * meaning (braces, "else", "end"), are not significant.
     */
    private static final Pattern INSIGNIFICANT = Pattern.compile(
            "(?:import|from|package|using|require|include|#include|use|namespace)\\b.*|.{0,3}");

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    static CodeShape of(List<String> code) {
        int branches = 0;
        String[] significant = new String[code.size()];
        int count = 0;
        for (String line : code) {
            Matcher matcher = BRANCH.matcher(line);
            while (matcher.find()) {
                branches++;
            }
            String normalised = WHITE_SPACE.matcher(line).replaceAll(" ");
            if (!INSIGNIFICANT.matcher(normalised).matches()) {
                significant[count++] = normalised;
            }
        }
        int windows = Math.max(0, count - WINDOW_LINES + 1);
        long[] hashes = new long[windows];
        for (int start = 0; start < windows; start++) {
            long hash = 1125899906842597L;
            for (int i = start; i < start + WINDOW_LINES; i++) {
                hash = 31 * hash + significant[i].hashCode();
                hash = hash * 0x9E3779B97F4A7C15L;
            }
            hashes[start] = hash;
        }
        return new CodeShape(branches, hashes);
    }

    /**
     * How many of the given windows also occur elsewhere (in the same file or another one). Sorting one
     * array of all fingerprints keeps memory at 8 bytes per window, even for large projects.
     */
    static long duplicatedWindows(long[] allWindowHashes) {
        long[] sorted = allWindowHashes.clone();
        Arrays.sort(sorted);
        long duplicated = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i + 1;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > 1) {
                duplicated += j - i;
            }
            i = j;
        }
        return duplicated;
    }
}
