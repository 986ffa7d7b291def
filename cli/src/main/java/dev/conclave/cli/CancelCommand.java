package dev.conclave.cli;

import java.io.PrintStream;

/**
 * {@code conclave cancel}: asks the gateway to end a queued or running run and says where it stands.
 * The run closes CANCELLED shortly after (no further model call is made for it); a run that is already
 * closed is refused with its status.
 */
record CancelCommand(CancelOptions options, PrintStream out, ApiKey apiKey) {

    /** Asks for the cancel; a gateway that cannot be reached or refuses is said by {@link ConclaveCommand} (exit 1). */
    ExitCode run() throws GatewayException {
        try (GatewayClient gateway = new GatewayClient(options.server(), apiKey)) {
            ScanProgress run = gateway.cancel(options.scanId().toString(), options.run());
            out.println("cancel requested for run " + run.run() + " of scan " + run.scanId() + " (" + run.name()
                    + "): it is " + run.status() + (run.status().isFinal() ? "" : "; it closes CANCELLED shortly and"
                    + " no further model call is made for it"));
            return ExitCode.COMPLETED;
        }
    }
}
