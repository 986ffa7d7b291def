package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The help and the completion script are generated from the command tree: every command's every option is in them. */
class GeneratedHelpAndCompletionCoverEveryOptionTest {

    /** Each command's options, as they were before the command line moved to picocli. */
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "scan", List.of("--server", "--name", "--ref", "--out", "--out-dir", "--json", "--bypass-cache", "--timeout"),
            "runs", List.of("--server", "--json", "--roles", "--bypass-cache", "--prompt-version", "--model", "--wait",
                    "--timeout", "--from", "--to"),
            "replay", List.of("--server", "--json", "--dry-run", "--since", "--until", "--status", "--failed-role",
                    "--name", "--model", "--limit", "--share", "--bypass-cache", "--roles", "--max-in-flight", "--topic",
                    "--from", "--to"),
            "dead-letters", List.of("--server", "--json", "--all", "--force", "--limit", "--cursor", "--topic",
                    "--reason", "--since", "--until", "--redriven"),
            "cancel", List.of("--server", "--run"),
            "keys", List.of("--server", "--json", "--name", "--role", "--tenant", "--ttl-days"));

    @TempDir
    Path workingDirectory;

    @Test
    void eachCommandsHelpListsEachOfItsOptions() {
        OPTIONS.forEach((command, options) -> {
            CommandRun help = CommandRun.of(workingDirectory, command, "--help");

            assertEquals(0, help.exitCode(), command + ": " + help);
            assertEquals("", help.err(), command + ": " + help);
            assertTrue(help.out().startsWith("Usage:") && help.out().contains("conclave " + command),
                    command + ": " + help);
            for (String option : options) {
                assertTrue(help.out().contains(option + " ") || help.out().contains(option + "="),
                        command + " --help lists " + option + ": " + help);
            }
        });
    }

    @Test
    void helpCommandAndRootHelpNameEveryCommand() {
        CommandRun root = CommandRun.of(workingDirectory, "--help");
        CommandRun helpScan = CommandRun.of(workingDirectory, "help", "scan");

        assertEquals(0, root.exitCode(), root::toString);
        for (String command : OPTIONS.keySet()) {
            assertTrue(root.out().contains("  " + command + " "), "root help names " + command + ": " + root);
        }
        assertTrue(root.out().contains("completion"), root::toString);
        assertEquals(0, helpScan.exitCode(), helpScan::toString);
        assertTrue(helpScan.out().startsWith("Usage: conclave scan <project> [options]"), helpScan::toString);
    }

    @Test
    void anUnknownOptionOfAnyCommandIsAUsageErrorNamingIt() {
        for (String command : OPTIONS.keySet()) {
            CommandRun run = CommandRun.of(workingDirectory, command, "--no-such-option");

            assertEquals(64, run.exitCode(), command + ": " + run);
            assertTrue(run.err().startsWith("conclave: unknown option --no-such-option"), command + ": " + run);
            assertTrue(run.err().contains("Usage:") && run.err().contains("conclave " + command), command + ": " + run);
            assertEquals("", run.out(), command + ": a usage error prints nothing on stdout");
        }
    }

    @Test
    void optionOfAnotherCommandIsRefusedWithThisCommandsOptions() {
        CommandRun run = CommandRun.of(workingDirectory, "cancel", "6f1c2a4e-2b7d-4c7e-9a41-0d3f5e6a7b8c", "--json");

        assertEquals(64, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown option --json of 'cancel'; its options: --help, --run, --server"),
                run::toString);
    }

    @Test
    void completionScriptCompletesEveryCommandAndOption() {
        CommandRun run = CommandRun.of(workingDirectory, "completion");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("complete -F _complete_conclave"), run::toString);
        assertTrue(run.out().contains("complete -F _complete_conclave -o default ./conclave"), "the wrapper too");
        OPTIONS.forEach((command, options) -> {
            assertTrue(run.out().contains(command), "completes " + command);
            options.forEach(option -> assertTrue(run.out().contains(option), "completes " + command + " " + option));
        });
        // The action words are offered as the first argument.
        assertTrue(run.out().contains("redrive") && run.out().contains("revoke") && run.out().contains("diff"), run::toString);
    }
}
