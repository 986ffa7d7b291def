package dev.conclave.cli;

import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProgressEvent;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScanStatus;
import dev.conclave.report.NumberText;
import dev.conclave.report.PrintableText;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the user what is happening while they wait. Two sources: the gateway's progress events
 * (each role's steps: waiting for the rate limit, calling a model, retrying, falling back, done) and
 * the status polls, which are the record and the fallback when no events come. Only changes are
 * printed. On a terminal ({@code live}) the roles are a table redrawn in place; otherwise every step
 * is a plain line, fit for logs and pipes. Called from the polling thread and the events thread.
 */
public final class ProgressPrinter {

    private static final int LANGUAGES_SHOWN = 4;
    private static final String CLEAR_LINE = "\u001b[2K";
    private static final Duration EVENTS_GRACE = Duration.ofSeconds(3);

    private final PrintStream out;
    private final boolean live;
    private ScanStatus lastStatus;
    private final Map<String, String> lastRoleStates = new HashMap<>();
    /** Live mode: each role's latest step, in the order roles first reported. */
    private final Map<String, String> table = new LinkedHashMap<>();
    private int drawnLines;
    private boolean eventsSeen;
    private boolean finished;
    private boolean gatewayTroubleShown;

    /** @param out stdout normally; stderr with --json, so stdout carries only the report */
    public ProgressPrinter(PrintStream out) {
        this(out, false);
    }

    /** @param live redraw a table of the roles in place (stdout is a terminal) */
    public ProgressPrinter(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** One step of a role, from the gateway's event stream. */
    public synchronized void event(ProgressEvent event, Duration elapsed) {
        if (finished) {
            return; // the scan's final line is out; a late event must not redraw over it
        }
        eventsSeen = true;
        String text = line(event.role(), event.stage().name(), event.model() == null ? "" : event.model(), elapsed,
                event.detail());
        if (!live) {
            out.println(text);
            return;
        }
        table.put(event.role(), text);
        redraw();
    }

    private void redraw() {
        if (drawnLines > 0) {
            out.print("\u001b[" + drawnLines + "F");
        }
        for (String row : table.values()) {
            out.print(CLEAR_LINE);
            out.println(row);
        }
        drawnLines = table.size();
        out.flush();
    }

    public void scanned(ScanDigest digest, Duration took) {
        out.printf("Scanned %s: %d files, %s, digest built in %d ms%s%n",
                digest.projectName(), digest.fileCount(), languages(digest.languages()), took.toMillis(),
                digest.treeTruncated() ? " (file list truncated to " + digest.tree().size() + " entries)" : "");
    }

    public void submitted(AcceptedScan accepted, URI server) {
        out.printf("Submitted scan %s (run %d) to %s%n", accepted.scanId(), accepted.run(), server);
    }

    /** Prints what changed since the previous poll; role states only while no events come. */
    public synchronized void observe(ScanProgress progress, Duration elapsed) {
        if (gatewayTroubleShown) {
            out.println("  gateway answers again");
            drawnLines = 0;
            gatewayTroubleShown = false;
        }
        // A final status is the last thing that happened, so it follows the role lines; QUEUED and
        // RUNNING come first because the scan starts before its roles report.
        boolean statusChanged = progress.status() != lastStatus;
        lastStatus = progress.status();
        if (statusChanged && !progress.status().isFinal() && !live) {
            out.println(line("scan", progress.status().name(), "", elapsed, null));
        }
        // On a terminal the events draw the roles; the polls stand in only when no event came for a while.
        boolean eventsExpected = eventsSeen || live && elapsed.compareTo(EVENTS_GRACE) < 0;
        for (RoleProgress role : eventsExpected ? List.<RoleProgress>of() : progress.roles()) {
            String state = String.valueOf(role.state());
            if (!state.equals(lastRoleStates.put(role.role(), state))) {
                String took = role.took().map(d -> "took " + seconds(d)).orElse("");
                String detail = role.failureReason() == null || role.failureReason().isBlank()
                        ? took
                        : (took.isEmpty() ? "" : took + ", ") + role.failureReason();
                out.println(line(role.role(), state, role.answeredBy(), elapsed, detail));
            }
        }
        if (statusChanged && progress.status().isFinal()) {
            finished = true;
            out.println(line("scan", progress.status().name(), "", elapsed, null));
        }
    }

    /** Once per outage: polling goes on quietly until the gateway answers or patience runs out. */
    public synchronized void gatewayTrouble(GatewayException problem) {
        if (!gatewayTroubleShown) {
            out.println("  waiting for the gateway: " + problem.getMessage());
            drawnLines = 0;
            gatewayTroubleShown = true;
        }
    }

    public synchronized void note(String message) {
        out.println(message);
        drawnLines = 0;
    }

    /** Subject, state, who answered, time since submission, then what else is known. */
    private static String line(String subject, String state, String answeredBy, Duration elapsed, String detail) {
        String text = String.format(Locale.ROOT, "  %-12s %-10s %-30s %7s", subject, state, answeredBy,
                seconds(elapsed));
        // What the gateway relays (a model's name, a failure reason) is printed between our own escape codes.
        return PrintableText.printable(detail == null || detail.isBlank() ? text : text + "  " + detail);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }

    private static String languages(List<LanguageStat> languages) {
        if (languages.isEmpty()) {
            return "no recognised languages";
        }
        List<LanguageStat> biggest = languages.stream()
                .sorted(Comparator.comparingLong(LanguageStat::lines).reversed())
                .toList();
        StringBuilder text = new StringBuilder("languages ");
        for (int i = 0; i < Math.min(LANGUAGES_SHOWN, biggest.size()); i++) {
            LanguageStat language = biggest.get(i);
            if (i > 0) {
                text.append(", ");
            }
            text.append(language.language()).append(" (").append(NumberText.grouped(language.lines()))
                    .append(" lines)");
        }
        if (biggest.size() > LANGUAGES_SHOWN) {
            text.append(" and ").append(biggest.size() - LANGUAGES_SHOWN).append(" more");
        }
        return text.toString();
    }
}
