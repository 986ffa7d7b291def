package dev.conclave.cli;

import java.io.PrintStream;

/**
 * {@code conclave cancel}: asks the gateway to end a queued or running run and says where it stands.
 * The run closes CANCELLED shortly after (no further model call is made for it); a run that is already
 * closed is refused with its status.
 */
final class CancelCommand {
    private final CancelOptions options;
    private final PrintStream out;
    private final ApiKey apiKey;

    CancelCommand(CancelOptions options, PrintStream out, ApiKey apiKey) {
        this.options = options;
        this.out = out;
        this.apiKey = apiKey;
    }

    ExitCode run() throws CommandFailure {
        try (GatewayClient gateway = new GatewayClient(options.server(), apiKey)) {
            ScanProgress run = gateway.cancel(options.scanId().toString(), options.run());
            out.println("cancel requested for run " + run.run() + " of scan " + run.scanId() + " (" + run.name()
                    + "): it is " + run.status() + (run.status().isFinal() ? "" : "; it closes CANCELLED shortly and"
                    + " no further model call is made for it"));
            return ExitCode.COMPLETED;
        } catch (GatewayException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }
}
