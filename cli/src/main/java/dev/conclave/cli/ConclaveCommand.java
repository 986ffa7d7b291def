package dev.conclave.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code conclave} command's entry point: one picocli command tree (scan, runs, replay, dead-letters,
 * cancel, keys, completion, help) read from the command line, run, and its outcome turned into an exit code
 * ({@link ExitCode}). Streams, environment and working directory are passed in so a test can run the whole
 * command in-process.
 */
@Command(name = "conclave", synopsisSubcommandLabel = "COMMAND",
        description = "Scan a project through the Conclave gateway and manage its scans, runs, replays, dead letters"
                + " and API keys.",
        footer = {"",
            "API key: every command sends $CONCLAVE_API_KEY, else the key in the file $CONCLAVE_API_KEY_FILE names"
                + " (./conclave sets that to the local admin key it creates; ./conclave key prints it). There is no"
                + " option for it: a key on the command line is visible to every user of the machine.",
            "",
            "Exit codes: 0 completed, 2 partial (some roles did not answer), 1 failed or error, 64 usage error."})
public final class ConclaveCommand implements Callable<Integer> {

    /** Wide enough for a URL and its explanation on one line; narrower terminals wrap it themselves. */
    private static final int HELP_WIDTH = 110;
    /** The section of {@code conclave --help} that shows scan's options: scan is what most callers come for. */
    private static final String SCAN_HELP_SECTION = "scanHelp";

    private final CliContext context;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public ConclaveCommand(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory) {
        this.context = CliContext.of(out, err, environment, workingDirectory);
    }

    public static void main(String[] args) {
        int exitCode = new ConclaveCommand(System.out, System.err, System.getenv(), Path.of("")).run(args);
        System.out.flush();
        System.exit(exitCode);
    }

    /** Runs one command and returns its exit code (see {@link ExitCode}). */
    public int run(String... args) {
        CommandLine commandLine = commandLine();
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /** The command tree, wired to this invocation's streams, with the project's exit codes and messages. */
    CommandLine commandLine() {
        CommandLine root = new CommandLine(this)
                .addSubcommand("scan", new ScanCli(context))
                .addSubcommand("runs", new RunsCommand(context))
                .addSubcommand("replay", new ReplayCli(context))
                .addSubcommand("dead-letters", new DeadLettersCli(context))
                .addSubcommand("cancel", new CancelCli(context))
                .addSubcommand("keys", new KeysCli(context))
                .addSubcommand("completion", new CompletionCommand(context))
                .addSubcommand("help", new CommandLine.HelpCommand());
        // The scan section follows the footer of the root's help.
        CommandLine scan = root.getSubcommands().get("scan");
        root.getHelpSectionMap().put(SCAN_HELP_SECTION, help -> "%nconclave scan --help:%n".formatted()
                + scan.getUsageMessage());
        List<String> sections = new ArrayList<>(root.getHelpSectionKeys());
        sections.add(SCAN_HELP_SECTION);
        root.setHelpSectionKeys(sections);
        return root
                // Plain help text: it is read in terminals, logs and tests alike.
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setUsageHelpWidth(HELP_WIDTH)
                .setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true))
                // As before picocli: the last of a repeated option wins, and "--name --json" is a forgotten value.
                .setOverwrittenOptionsAllowed(true)
                .setUnmatchedOptionsAllowedAsOptionParameters(false)
                .setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), message(e)))
                .setExecutionExceptionHandler(this::failed);
    }

    /** No command given: nothing to run. */
    @Override
    public Integer call() throws UsageException {
        throw new UsageException("missing command: expected 'scan <directory>' or '--help'");
    }

    /**
     * A command's checks refused its arguments (usage, 64) or it could not do its job (failed, 1): a
     * {@link CommandFailure}, or a {@link GatewayException} from a gateway that could not be reached or refused
     * the call, said here once for every command.
     */
    private int failed(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        return switch (e) {
            case UsageException usage -> usageError(command, usage.getMessage());
            case CommandFailure failure -> failedWith(failure.getMessage());
            case GatewayException refused -> failedWith(refused.getMessage());
            default -> throw e;
        };
    }

    private int failedWith(String message) {
        context.err().println("conclave: " + message);
        return ExitCode.FAILED.code();
    }

    /** The message, then the usage of the command it concerns, on stderr; nothing on stdout. */
    private int usageError(CommandLine command, String message) {
        context.err().println("conclave: " + message);
        context.err().println();
        command.usage(context.err(), CommandLine.Help.Ansi.OFF);
        return ExitCode.USAGE.code();
    }

    /** picocli's parse errors in this CLI's words: the option or argument it was about, and what to do. */
    static String message(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().getFirst() instanceof OptionSpec option) {
            return option.longestName() + " needs a value";
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String argument = unmatched.getUnmatched().getFirst();
            boolean option = argument.startsWith("-") && !argument.equals("-");
            if (spec.parent() == null) {
                return option ? "unknown option " + argument + " (options go after 'scan <directory>')"
                        : "unknown command '" + argument + "': the commands are scan, runs, replay, cancel,"
                                + " dead-letters and keys";
            }
            if (option) {
                // Only the flag: the value after '=' may be a secret typed in the wrong place.
                String flag = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
                return "unknown option " + flag + " of '" + spec.qualifiedName(" ").replaceFirst("^conclave ", "")
                        + "'; its options: " + optionNames(spec);
            }
            return "unexpected argument '" + argument + "'";
        }
        return e.getMessage();
    }

    private static String optionNames(CommandSpec spec) {
        return spec.options().stream().map(OptionSpec::longestName).sorted().collect(Collectors.joining(", "));
    }
}
