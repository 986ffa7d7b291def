package dev.conclave.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything {@code conclave scan} was asked to do, with defaults already applied.
 *
 * @param source      the project to scan: a directory (absolute, normalised), an archive or a git URL
 * @param server      the gateway's base URL, without a trailing slash
 * @param name        the project's name in the report and in the report file names
 * @param json        print only the report JSON on stdout, everything else on stderr
 * @param outDir      where the default report files go, absolute
 * @param outFiles    the report files to write instead of the default ones, absolute, each with an
 *                    extension of {@link ReportFormat}; empty for the default .json and .md files
 * @param bypassCache ask every model afresh even when a cached answer exists
 * @param timeout     how long to follow the scan before giving up (the scan itself goes on)
 * @param liveProgress redraw a table of the roles in place (stdout is a terminal); otherwise plain lines
 */
public record ScanOptions(
        ProjectSource source,
        URI server,
        String name,
        boolean json,
        Path outDir,
        List<Path> outFiles,
        boolean bypassCache,
        Duration timeout,
        boolean liveProgress) {

    /** The directory to scan, or null when the project is an archive or a git repository. */
    public Path directory() {
        return source instanceof ProjectSource.Directory directory ? directory.path() : null;
    }

    public ScanOptions {
        outFiles = List.copyOf(outFiles);
    }

    public static final String SERVER_ENV = "CONCLAVE_SERVER";
    /** Set to 1 by {@code ./conclave} when stdout is a terminal: progress is then a table redrawn in place. */
    public static final String TTY_ENV = "CONCLAVE_TTY";
    /** The local gateway, as text: help texts are annotations, which need constants. */
    public static final String DEFAULT_SERVER_TEXT = "http://127.0.0.1:18080";
    public static final URI DEFAULT_SERVER = URI.create(DEFAULT_SERVER_TEXT);
    public static final long DEFAULT_TIMEOUT_SECONDS = 900;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
}
