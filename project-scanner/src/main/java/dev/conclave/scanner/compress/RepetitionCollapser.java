package dev.conclave.scanner.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shortens what a model learns nothing more from by reading twice: runs of lines (or of blocks of up to
 * eight lines, such as the objects of a pretty-printed JSON array) that differ only in their literals,
 * and single lines of data far longer than any line of code. The first two repetitions and the last
 * stay, so the reader sees the shape, the variation and where the run ends; the cut is marked.
 */
final class RepetitionCollapser {

    static final int LONGEST_BLOCK = 8;
    /** Two kept in front, a marker, one kept behind: five repetitions is the least that saves a line. */
    static final int MIN_REPETITIONS = 5;
    static final int LONGEST_LINE = 400;
    static final int SHORTENED_LINE = 200;

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_])-?(?:0x[0-9A-Fa-f]+|\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)");
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9_]{1,}\\b");

    static String collapse(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        List<String> shapes = lines.stream().map(RepetitionCollapser::shape).toList();
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            Run run = longestRunAt(shapes, i);
            if (run == null) {
                out.add(shorten(lines.get(i)));
                i++;
                continue;
            }
            int keptInFront = 2 * run.block();
            int keptBehind = run.block();
            int collapsed = run.lines() - keptInFront - keptBehind;
            for (int k = i; k < i + keptInFront; k++) {
                out.add(shorten(lines.get(k)));
            }
            out.add(indentOf(lines.get(i)) + "… [collapsed: " + collapsed + " similar lines]");
            for (int k = i + run.lines() - keptBehind; k < i + run.lines(); k++) {
                out.add(shorten(lines.get(k)));
            }
            i += run.lines();
        }
        return String.join("\n", out);
    }

    private record Run(int block, int lines) {
    }

    /** The run starting at {@code start} that saves the most lines, or null. */
    private static Run longestRunAt(List<String> shapes, int start) {
        Run best = null;
        for (int block = 1; block <= LONGEST_BLOCK && start + block * MIN_REPETITIONS <= shapes.size(); block++) {
            if (shapes.subList(start, start + block).stream().allMatch(String::isBlank)) {
                continue;
            }
            int repetitions = 1;
            while (start + (repetitions + 1) * block <= shapes.size()
                    && sameBlock(shapes, start, start + repetitions * block, block)) {
                repetitions++;
            }
            if (repetitions >= MIN_REPETITIONS && (best == null || repetitions * block - 3 * block > best.lines() - 3 * best.block())) {
                best = new Run(block, repetitions * block);
            }
        }
        return best;
    }

    private static boolean sameBlock(List<String> shapes, int first, int other, int block) {
        for (int k = 0; k < block; k++) {
            if (!shapes.get(first + k).equals(shapes.get(other + k))) {
                return false;
            }
        }
        return true;
    }

    /** A line with its literals and constants masked: what stays the same across rows of data. */
    static String shape(String line) {
        String masked = STRING_LITERAL.matcher(line).replaceAll("\"\"");
        masked = NUMBER.matcher(masked).replaceAll("0");
        return CONSTANT.matcher(masked).replaceAll("K");
    }

    private static String shorten(String line) {
        if (line.length() <= LONGEST_LINE) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(SHORTENED_LINE - 1)) ? SHORTENED_LINE - 1 : SHORTENED_LINE;
        return line.substring(0, end) + " … [shortened: " + (line.length() - end) + " chars]";
    }

    private static String indentOf(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }

    private RepetitionCollapser() {
    }
}
