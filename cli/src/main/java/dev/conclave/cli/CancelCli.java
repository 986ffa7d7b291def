package dev.conclave.cli;

import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conclave cancel <scan-id> [--run N]}: checked into {@link CancelOptions} and run by {@link CancelCommand}. */
@Command(name = "cancel", description = "Cancel a queued or running run (default: the scan's current run); it closes"
        + " CANCELLED and no further model call is made for it.")
final class CancelCli extends GatewayCli {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<scan-id>", description = "the scan, as conclave scan prints it")
    String scan;

    @Option(names = "--run", paramLabel = "N", description = "the run to cancel (default: the scan's current run)")
    String run;

    CancelCli(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageException, GatewayException {
        return new CancelCommand(options(), context.out(), context.apiKey()).run().code();
    }

    CancelOptions options() throws UsageException {
        if (scan == null) {
            throw new UsageException("missing <scan-id>: say which scan's run to cancel");
        }
        UUID scanId;
        try {
            scanId = UUID.fromString(scan);
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + scan + "' is not a scan id (a UUID, as 'conclave scan' prints it)");
        }
        return new CancelOptions(server(), scanId,
                run == null ? Optional.empty()
                        : Optional.of(WholeNumber.aboveZero(run, "--run takes a run number (1, 2, ...)")));
    }
}
