package dev.conclave.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the command line into an {@link Invocation}. The environment and the working directory
 * are passed in rather than read from {@link System}, so the defaults can be tested.
 */
public final class ScanOptionsParser {

    public static final String USAGE = """
            Usage:
              conclave scan <project> [options]     scan a project, follow its analysis, print and save the report
                <project> is a directory, a .zip or .tar.gz file, or a git URL (https://host/owner/repo.git)
              conclave runs list|show|start|diff ...  the runs of a scan: re-run it, compare reports (conclave runs --help)
              conclave dead-letters list|show|redrive|purge ...
                                                    read, re-drive and purge dead letters (conclave dead-letters --help)
              conclave cancel <scan-id> [--run N]   cancel a queued or running run (default: the scan's current run);
                                                    it closes CANCELLED and no further model call is made for it
              conclave keys create|list|revoke ...  manage API keys (admin; conclave keys --help)
              conclave --help                       show this help
            %s
            API key: every command sends $CONCLAVE_API_KEY, else the key in the file $CONCLAVE_API_KEY_FILE names
              (./conclave sets that to the local admin key it creates; ./conclave key prints it). There is no
              option for it: a key on the command line is visible to every user of the machine.

            Options of scan:
              --server URL        gateway to submit to (default: $CONCLAVE_SERVER, else %s)
              --name NAME         project name in the report (default: the directory's, archive's or repository's name)
              --ref REF           branch or tag of a git URL (default: the repository's default branch)
              --out FILE          write the report to FILE, in the format of its extension: .html (charts,
                                  one self-contained page), .md or .json; repeatable. Replaces the default
                                  conclave-report-<name>-<id>.json and .md files
              --out-dir DIR       where the default .json and .md report files go (default: the current directory)
              --json              print only the report JSON on stdout; progress goes to stderr
              --bypass-cache      ask every model afresh, even when a cached answer exists
              --timeout SECONDS   stop following the scan after this long (default: %d); it goes on on the server

            Exit codes: 0 completed, 2 partial (some roles did not answer), 1 failed or error, 64 usage error.
            """.formatted(ReplayOptionsParser.USAGE, ScanOptions.DEFAULT_SERVER, ScanOptions.DEFAULT_TIMEOUT.toSeconds());

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final ApiKey apiKey;

    public ScanOptionsParser(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.apiKey = ApiKey.resolve(this.environment, this.workingDirectory);
    }

    /** The key every command sends: the one place it is resolved ({@link ApiKey#resolve}). */
    ApiKey apiKey() {
        return apiKey;
    }

    public Invocation parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("missing command: expected 'scan <directory>' or '--help'");
        }
        String command = args.get(0);
        return switch (command) {
            case "--help", "-h", "help" -> new Invocation.Help();
            case "scan" -> parseScan(args.subList(1, args.size()));
            case "runs" -> new Invocation.Runs(args.subList(1, args.size()));
            case "dead-letters" -> new Invocation.DeadLetters(DeadLettersOptions.parse(args.subList(1, args.size()), this));
            case "replay" -> args.contains("--help") || args.contains("-h") ? new Invocation.Help() : new Invocation.Replay(new ReplayOptionsParser(this::serverUrl)
                    .parse(args.subList(1, args.size())));
            case "cancel" -> new Invocation.Cancel(CancelOptions.parse(args.subList(1, args.size()), this::serverUrl));
            case "keys" -> new Invocation.Keys(KeysOptions.parse(args.subList(1, args.size()), this));
            default -> throw new UsageException(command.startsWith("-")
                    ? "unknown option " + command + " (options go after 'scan <directory>')"
                    : "unknown command '" + command + "': the commands are scan, runs, replay, cancel, dead-letters"
                            + " and keys");
        };
    }

    private Invocation parseScan(List<String> args) throws UsageException {
        String server = null;
        String name = null;
        String outDir = null;
        List<String> outFiles = new ArrayList<>();
        String timeout = null;
        boolean json = false;
        boolean bypassCache = false;
        String ref = null;
        List<String> positional = new ArrayList<>();

        ArgumentCursor cursor = new ArgumentCursor(args);
        boolean optionsEnded = false;
        while (cursor.hasNext()) {
            String arg = cursor.next();
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            // "--name=x" and "--name x" both work; split the inline form once here.
            int equals = arg.indexOf('=');
            String flag = equals > 0 ? arg.substring(0, equals) : arg;
            String inline = equals > 0 ? arg.substring(equals + 1) : null;
            switch (flag) {
                case "--" -> optionsEnded = true;
                case "--help", "-h" -> {
                    return new Invocation.Help();
                }
                case "--server" -> server = cursor.value(flag, inline);
                case "--name" -> name = cursor.value(flag, inline);
                case "--ref" -> ref = cursor.value(flag, inline);
                case "--out" -> outFiles.add(cursor.value(flag, inline));
                case "--out-dir" -> outDir = cursor.value(flag, inline);
                case "--timeout" -> timeout = cursor.value(flag, inline);
                case "--json" -> json = noValue(flag, inline);
                case "--bypass-cache" -> bypassCache = noValue(flag, inline);
                default -> throw new UsageException("unknown option " + flag);
            }
        }

        if (positional.isEmpty()) {
            throw new UsageException("missing <directory>: say which project to scan, e.g. 'conclave scan .'");
        }
        if (positional.size() > 1) {
            throw new UsageException("unexpected argument '" + positional.get(1)
                    + "': scan takes one directory");
        }
        if (!outFiles.isEmpty() && outDir != null) {
            throw new UsageException("--out names the report file itself; --out-dir is only for the default files."
                    + " Give a path in --out instead, e.g. --out " + outDir + "/report.html");
        }
        ProjectSource source = source(positional.get(0), ref);
        List<Path> reportFiles = new ArrayList<>();
        for (String outFile : outFiles) {
            reportFiles.add(reportFile(outFile));
        }
        return new Invocation.Scan(new ScanOptions(
                source,
                serverUrl(server),
                projectName(name, source),
                json,
                outputDirectory(outDir),
                reportFiles,
                bypassCache,
                timeout(timeout),
                !json && "1".equals(environment.get(ScanOptions.TTY_ENV))));
    }

    private static boolean noValue(String flag, String inline) throws UsageException {
        if (inline != null) {
            throw new UsageException(flag + " takes no value, got '" + inline + "'");
        }
        return true;
    }

    /** A git URL, an archive by its extension, else a directory. */
    private ProjectSource source(String argument, String ref) throws UsageException {
        String lower = argument.toLowerCase(Locale.ROOT);
        boolean url = lower.matches("^[a-z][a-z0-9+.-]*://.*") || lower.matches("^[^/]+@[^/]+:.*");
        if (url) {
            if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
                throw new UsageException("'" + argument + "': the gateway fetches git repositories over https only;"
                        + " give an https URL, or clone it and scan the directory");
            }
            if (ref != null && ref.isBlank()) {
                throw new UsageException("--ref must not be empty");
            }
            return new ProjectSource.GitRepository(argument, ref == null ? null : ref.strip());
        }
        if (ref != null) {
            throw new UsageException("--ref is for a git URL; '" + argument + "' is not one");
        }
        if (lower.endsWith(".zip") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
            Path file = resolve(argument, "<project>");
            if (!Files.isRegularFile(file)) {
                throw new UsageException("archive '" + argument + "' does not exist or is not a file (" + file + ")");
            }
            return new ProjectSource.Archive(file, lower.endsWith(".zip") ? "application/zip" : "application/gzip");
        }
        return new ProjectSource.Directory(existingDirectory(argument));
    }

    private Path existingDirectory(String argument) throws UsageException {
        Path path = resolve(argument, "<directory>");
        if (!Files.exists(path)) {
            throw new UsageException("directory '" + argument + "' does not exist (" + path + ")");
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException("'" + argument + "' is not a directory (" + path + ")");
        }
        return path;
    }

    /** The gateway to talk to: {@code --server}'s value when given, else {@code $CONCLAVE_SERVER}, else the local one. */
    URI serverUrl(String flagValue) throws UsageException {
        String fromEnv = environment.get(ScanOptions.SERVER_ENV);
        String source = flagValue != null ? "--server" : "$" + ScanOptions.SERVER_ENV;
        String raw = flagValue != null ? flagValue : (fromEnv != null && !fromEnv.isBlank() ? fromEnv : null);
        if (raw == null) {
            return ScanOptions.DEFAULT_SERVER;
        }
        String trimmed = raw.strip();
        // Paths are appended to the base ("/api/v1/scans"), so a trailing slash would double up.
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new UsageException(source + " must be an http(s) URL such as "
                        + ScanOptions.DEFAULT_SERVER + ", got '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(source + " is not a valid URL: '" + raw + "' (" + e.getReason() + ")");
        }
    }

    private static String projectName(String flagValue, ProjectSource source) throws UsageException {
        if (flagValue != null) {
            if (flagValue.isBlank()) {
                throw new UsageException("--name must not be empty");
            }
            return flagValue.strip();
        }
        String name = switch (source) {
            case ProjectSource.Directory directory -> directory.path().getFileName() == null ? null
                    : directory.path().getFileName().toString();
            case ProjectSource.Archive archive -> archive.file().getFileName().toString()
                    .replaceFirst("(?i)(\\.tar\\.gz|\\.tgz|\\.zip)$", "");
            case ProjectSource.GitRepository git -> git.url().replaceFirst("/+$", "")
                    .replaceFirst("(?i)\\.git$", "").replaceFirst(".*[/:]", "");
        };
        return name == null || name.isBlank() ? "project" : name;
    }

    private Path outputDirectory(String flagValue) throws UsageException {
        if (flagValue == null) {
            return workingDirectory;
        }
        Path path = resolve(flagValue, "--out-dir");
        // A missing directory is created when the report is written; an existing file is a mistake.
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new UsageException("--out-dir '" + flagValue + "' is a file, not a directory");
        }
        return path;
    }

    /** The format comes from the extension, so a file without a known one is refused before the scan starts. */
    private Path reportFile(String flagValue) throws UsageException {
        Path path = resolve(flagValue, "--out");
        if (ReportFormat.forFile(path).isEmpty()) {
            throw new UsageException("--out '" + flagValue + "' has no report extension: the format is chosen by it;"
                    + " use " + ReportFormat.allowedExtensions());
        }
        if (Files.isDirectory(path)) {
            throw new UsageException("--out '" + flagValue + "' is a directory; name the file to write");
        }
        return path;
    }

    private static Duration timeout(String flagValue) throws UsageException {
        if (flagValue == null) {
            return ScanOptions.DEFAULT_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(flagValue.strip());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as a non-positive number
        }
        throw new UsageException("--timeout must be a whole number of seconds above 0, got '" + flagValue + "'");
    }

    private Path resolve(String argument, String what) throws UsageException {
        if (argument.isBlank()) {
            throw new UsageException(what + " must not be empty");
        }
        try {
            return workingDirectory.resolve(argument).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(what + " '" + argument + "' is not a valid path: " + e.getReason());
        }
    }

    /** Walks the arguments; an option's value is the next argument unless given inline. */
    static final class ArgumentCursor {
        private final List<String> args;
        private int index;

        ArgumentCursor(List<String> args) {
            this.args = args;
        }

        boolean hasNext() {
            return index < args.size();
        }

        String next() {
            return args.get(index++);
        }

        String value(String flag, String inline) throws UsageException {
            if (inline != null) {
                return inline;
            }
            // "--name --json" is a forgotten value, not a name that starts with dashes.
            if (!hasNext() || args.get(index).startsWith("--")) {
                throw new UsageException(flag + " needs a value");
            }
            return next();
        }
    }
}
