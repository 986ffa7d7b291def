package dev.conclave.cli;

import dev.conclave.model.ScanDigest;
import dev.conclave.scanner.ProjectScanner;
import dev.conclave.scanner.ScanLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@code conclave scan}: digest the directory, submit it, follow the scan until it is final,
 * then show and save the report. The exit code follows the scan's final status.
 */
final class ScanCommand {

    /** Often enough that a role finishing shows up at once; cheap for the gateway (one indexed read). */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** How long polling rides out an unreachable or failing gateway (a restart) before giving up. */
    private static final Duration GATEWAY_PATIENCE = Duration.ofSeconds(30);
    /** Pause before the one repeat of a submission whose answer was lost. */
    private static final Duration RESUBMIT_PAUSE = Duration.ofSeconds(1);

    private final ScanOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final ApiKey apiKey;
    private final ProgressPrinter progress;

    /**
     * @param out where the summary (or, with --json, the report JSON) goes
     * @param err where errors go, and with --json the progress too
     * @param apiKey the key every request carries
     */
    ScanCommand(ScanOptions options, PrintStream out, PrintStream err, ApiKey apiKey) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.apiKey = apiKey;
        this.progress = new ProgressPrinter(options.json() ? err : out, options.liveProgress());
    }

    ExitCode run() throws CommandFailure {
        // A directory is digested here, so its files never leave the machine unredacted; an archive or a
        // git URL is the gateway's to unpack or fetch.
        ScanDigest digest = options.source() instanceof ProjectSource.Directory ? digest() : null;
        try (GatewayClient gateway = new GatewayClient(options.server(), apiKey)) {
            AcceptedScan accepted = submit(gateway, digest);
            progress.submitted(accepted, gateway.server());
            long submittedAt = System.nanoTime();
            ScanProgress finished;
            try (ProgressEvents events = ProgressEvents.follow(gateway, accepted.scanId(),
                    event -> progress.event(event, Duration.ofNanos(System.nanoTime() - submittedAt)))) {
                finished = follow(gateway, accepted.scanId());
            }
            present(finished);
            return ExitCode.of(finished.status());
        }
    }

    private ScanDigest digest() throws CommandFailure {
        long started = System.nanoTime();
        ScanDigest digest;
        try {
            digest = new ProjectScanner(ScanLimits.defaults()).scan(options.directory(), options.name());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // The scanner's messages already name the directory and what was wrong with it.
            throw new CommandFailure(e.getMessage(), e);
        }
        progress.scanned(digest, Duration.ofNanos(System.nanoTime() - started));
        return digest;
    }

    private AcceptedScan submit(GatewayClient gateway, ScanDigest digest) throws CommandFailure {
        // One key per invocation: repeating a submission whose answer was lost cannot start a second scan.
        String idempotencyKey = UUID.randomUUID().toString();
        try {
            try {
                return submitOnce(gateway, digest, idempotencyKey);
            } catch (GatewayException e) {
                if (e.kind() != GatewayException.Kind.NO_ANSWER && e.kind() != GatewayException.Kind.SERVER_ERROR) {
                    throw e;
                }
                progress.note("Submission failed (" + e.getMessage() + "); trying once more");
                pause(RESUBMIT_PAUSE, "submitting the scan");
                return submitOnce(gateway, digest, idempotencyKey);
            }
        } catch (GatewayException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    private AcceptedScan submitOnce(GatewayClient gateway, ScanDigest digest, String idempotencyKey)
            throws GatewayException {
        return switch (options.source()) {
            case ProjectSource.Directory directory -> gateway.submit(
                    new SubmissionBody(options.name(), digest, options.bypassCache()), idempotencyKey);
            case ProjectSource.Archive archive -> gateway.submitArchive(options.name(), archive, options.bypassCache(),
                    idempotencyKey);
            case ProjectSource.GitRepository git -> gateway.submitGit(options.name(), git, options.bypassCache(),
                    idempotencyKey);
        };
    }

    /** Polls until the scan is final; a timeout leaves the scan running on the gateway. */
    private ScanProgress follow(GatewayClient gateway, String scanId) throws CommandFailure {
        long started = System.nanoTime();
        long deadline = started + options.timeout().toNanos();
        Long troubleSince = null;
        while (true) {
            long now = System.nanoTime();
            try {
                ScanProgress current = gateway.status(scanId);
                troubleSince = null;
                progress.observe(current, Duration.ofNanos(now - started));
                if (current.status().isFinal()) {
                    return current;
                }
            } catch (GatewayException e) {
                if (!e.isTransient()) {
                    throw new CommandFailure(e.getMessage() + stillRunningHint(scanId), e);
                }
                troubleSince = troubleSince == null ? now : troubleSince;
                if (now - troubleSince > GATEWAY_PATIENCE.toNanos()) {
                    throw new CommandFailure(e.getMessage() + stillRunningHint(scanId), e);
                }
                progress.gatewayTrouble(e);
            }
            if (System.nanoTime() >= deadline) {
                throw new CommandFailure("gave up waiting after " + options.timeout().toSeconds()
                        + " s (--timeout)." + stillRunningHint(scanId));
            }
            pause(POLL_INTERVAL, "waiting for scan " + scanId);
        }
    }

    private void present(ScanProgress finished) throws CommandFailure {
        if (!options.json()) {
            out.print(new TerminalSummary().render(finished));
        }
        if (!finished.hasResult()) {
            err.println("Scan " + finished.scanId() + " ended " + finished.status()
                    + " without a report; nothing was saved.");
            return;
        }
        ReportFiles files = new ReportFiles();
        List<Path> targets = options.outFiles().isEmpty()
                ? files.defaultTargets(options.outDir(), options.name(), finished.scanId())
                : options.outFiles();
        List<Path> saved;
        try {
            saved = files.write(targets, finished.result(), finished.roles());
        } catch (IOException e) {
            // NIO's messages are often just the path (AccessDeniedException), so the type says what happened.
            throw new CommandFailure("cannot write the report (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). "
                    + (options.outFiles().isEmpty() ? "Choose another directory with --out-dir." : "Choose another --out."),
                    e);
        }
        if (options.json()) {
            out.println(finished.result().toPrettyString());
            err.println("Scan " + finished.scanId() + " ended " + finished.status());
        }
        PrintStream paths = options.json() ? err : out;
        paths.println();
        paths.println("Report saved:");
        saved.forEach(path -> paths.println("  " + path));
    }

    private String stillRunningHint(String scanId) {
        return " Scan " + scanId + " goes on on the gateway; see it at " + options.server()
                + GatewayClient.SCANS_PATH + "/" + scanId;
    }

    private static void pause(Duration duration, String doing) throws CommandFailure {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while " + doing, e);
        }
    }
}
