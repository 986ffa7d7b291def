package dev.conclave.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command shares: the streams, the environment, the working directory and the API key. They are
 * passed in rather than read from {@link System}, so a test can run any command in-process and check its defaults.
 */
record CliContext(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory,
        ApiKey apiKey) {

    static CliContext of(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory) {
        Map<String, String> env = Map.copyOf(environment);
        Path directory = workingDirectory.toAbsolutePath().normalize();
        // The one place the key is resolved for every command (ApiKey#resolve).
        return new CliContext(out, err, env, directory, ApiKey.resolve(env, directory));
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

    /** Prints a command's generated help on stdout (a bare "runs" asks for it too). */
    void printUsage(CommandSpec command) {
        command.commandLine().usage(out, CommandLine.Help.Ansi.OFF);
    }

    /** "keys help" and "dead-letters help" have always meant --help: prints it and says so. */
    boolean helpWord(String action, CommandSpec command) {
        if (!"help".equals(action)) {
            return false;
        }
        printUsage(command);
        return true;
    }

    /** A path argument resolved against the working directory; {@code what} names it in the message. */
    Path resolve(String argument, String what) throws UsageException {
        if (argument.isBlank()) {
            throw new UsageException(what + " must not be empty");
        }
        try {
            return workingDirectory.resolve(argument).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(what + " '" + argument + "' is not a valid path: " + e.getReason());
        }
    }
}
