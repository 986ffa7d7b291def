package dev.conclave.scanner.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * A README cut to fit without losing its structure: every heading stays, each section keeps as many of
 * its first lines as the allowance permits (the same number for every section), and each cut says how
 * many lines it removed. Headings inside code fences are code, not headings.
 */
final class ReadmeOutline {

    private static final Pattern ATX_HEADING = Pattern.compile("#{1,6}\\s.*|#{1,6}");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("=+|-+");
    private static final Pattern FENCE = Pattern.compile("\\s*(?:```|~~~).*");
    /** Lines of nothing but linked images: CI, coverage and version badges, costly and empty of meaning. */
    private static final Pattern BADGE_LINE = Pattern.compile(
            "\\s*(?:(?:\\[!\\[[^\\]]*\\]\\([^)]*\\)\\]\\([^)]*\\)|!\\[[^\\]]*\\]\\([^)]*(?:badge|shields\\.io)[^)]*\\))\\s*)+");

    private record Section(String heading, List<String> body) {
    }

    static String withoutBadges(String text) {
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!BADGE_LINE.matcher(line).matches()) {
                kept.add(line);
            }
        }
        return String.join("\n", kept);
    }

    /** The longest outline within {@code allowance} tokens; headings alone when even that is over. */
    static String fit(String text, int allowance, ToIntFunction<String> tokens) {
        List<Section> sections = sections(text);
        int longest = sections.stream().mapToInt(section -> section.body().size()).max().orElse(0);
        int low = 0;
        int high = longest;
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (tokens.applyAsInt(render(sections, middle)) <= allowance) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return render(sections, low);
    }

    static List<String> headings(String text) {
        return sections(text).stream().map(Section::heading).filter(heading -> heading != null).toList();
    }

    private static List<Section> sections(String text) {
        List<Section> sections = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Section current = new Section(null, new ArrayList<>());
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
            }
            boolean atx = !inFence && ATX_HEADING.matcher(line).matches();
            boolean setext = !inFence && !line.isBlank() && i + 1 < lines.length
                    && SETEXT_UNDERLINE.matcher(lines[i + 1].strip()).matches() && lines[i + 1].strip().length() >= 3;
            if (atx || setext) {
                sections.add(current);
                String heading = setext ? line + "\n" + lines[++i] : line;
                current = new Section(heading, new ArrayList<>());
            } else {
                current.body().add(line);
            }
        }
        sections.add(current);
        return sections;
    }

    private static String render(List<Section> sections, int linesPerSection) {
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            if (section.heading() != null) {
                out.append(section.heading()).append('\n');
            }
            List<String> body = trimBlankEnds(section.body());
            int kept = Math.min(linesPerSection, body.size());
            for (int i = 0; i < kept; i++) {
                out.append(body.get(i)).append('\n');
            }
            if (kept < body.size()) {
                out.append("… [truncated: ").append(body.size() - kept).append(" lines]\n");
            }
        }
        return out.toString();
    }

    private static List<String> trimBlankEnds(List<String> body) {
        int start = 0;
        int end = body.size();
        while (start < end && body.get(start).isBlank()) {
            start++;
        }
        while (end > start && body.get(end - 1).isBlank()) {
            end--;
        }
        return body.subList(start, end);
    }

    private ReadmeOutline() {
    }
}
