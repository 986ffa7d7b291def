package dev.conclave.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conclave scan <project> [options]}: picocli reads the words; this class checks what they mean
 * (a directory that exists, a report extension, a positive timeout) into {@link ScanOptions} and runs
 * {@link ScanCommand}. Values are read as text and checked here, so each mistake keeps its own message.
 */
@Command(name = "scan", customSynopsis = "conclave scan <project> [options]",
        description = "Scan a project, follow its analysis, print and save the report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:completed", "2:partial (some roles did not answer)", "1:failed or error", "64:usage error"})
final class ScanCli extends GatewayCli {

    // Optional for picocli, so a missing project is said in this command's own words (options()).
    @Parameters(index = "0", arity = "0..1", paramLabel = "<project>",
            description = "a directory, a .zip or .tar.gz file, or a git URL (https://host/owner/repo.git)")
    String project;

    @Option(names = "--name", paramLabel = "NAME",
            description = "project name in the report (default: the directory's, archive's or repository's name)")
    String name;

    @Option(names = "--ref", paramLabel = "REF",
            description = "branch or tag of a git URL (default: the repository's default branch)")
    String ref;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE, in the format of its"
            + " extension: .html (charts, one self-contained page), .md or .json; repeatable. Replaces the default"
            + " conclave-report-<name>-<id>.json and .md files")
    List<String> outFiles = new ArrayList<>();

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "where the default .json and .md report files go (default: the current directory)")
    String outDir;

    @Option(names = "--json", description = "print only the report JSON on stdout; progress goes to stderr")
    boolean json;

    @Option(names = "--bypass-cache", description = "ask every model afresh, even when a cached answer exists")
    boolean bypassCache;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "stop following the scan after this long"
            + " (default: " + ScanOptions.DEFAULT_TIMEOUT_SECONDS + "); it goes on on the server")
    String timeout;

    ScanCli(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageException, CommandFailure {
        return new ScanCommand(options(), context.out(), context.err(), context.apiKey()).run().code();
    }

    /** The parsed words checked and completed with their defaults. */
    ScanOptions options() throws UsageException {
        if (project == null) {
            throw new UsageException("missing <directory>: say which project to scan, e.g. 'conclave scan .'");
        }
        if (!outFiles.isEmpty() && outDir != null) {
            throw new UsageException("--out names the report file itself; --out-dir is only for the default files."
                    + " Give a path in --out instead, e.g. --out " + outDir + "/report.html");
        }
        ProjectSource source = source(project, ref);
        List<Path> reportFiles = new ArrayList<>();
        for (String outFile : outFiles) {
            reportFiles.add(reportFile(outFile));
        }
        return new ScanOptions(
                source,
                server(),
                projectName(name, source),
                json,
                outputDirectory(outDir),
                reportFiles,
                bypassCache,
                timeout(timeout),
                !json && "1".equals(context.environment().get(ScanOptions.TTY_ENV)));
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
            Path file = context.resolve(argument, "<project>");
            if (!Files.isRegularFile(file)) {
                throw new UsageException("archive '" + argument + "' does not exist or is not a file (" + file + ")");
            }
            return new ProjectSource.Archive(file, lower.endsWith(".zip") ? "application/zip" : "application/gzip");
        }
        return new ProjectSource.Directory(existingDirectory(argument));
    }

    private Path existingDirectory(String argument) throws UsageException {
        Path path = context.resolve(argument, "<directory>");
        if (!Files.exists(path)) {
            throw new UsageException("directory '" + argument + "' does not exist (" + path + ")");
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException("'" + argument + "' is not a directory (" + path + ")");
        }
        return path;
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
            return context.workingDirectory();
        }
        Path path = context.resolve(flagValue, "--out-dir");
        // A missing directory is created when the report is written; an existing file is a mistake.
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new UsageException("--out-dir '" + flagValue + "' is a file, not a directory");
        }
        return path;
    }

    /** The format comes from the extension, so a file without a known one is refused before the scan starts. */
    private Path reportFile(String flagValue) throws UsageException {
        Path path = context.resolve(flagValue, "--out");
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
        return flagValue == null ? ScanOptions.DEFAULT_TIMEOUT : Duration.ofSeconds(
                WholeNumber.aboveZeroLong(flagValue, "--timeout must be a whole number of seconds above 0"));
    }
}
