package dev.conclave.cli;

import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that talks to the gateway declares once: the invocation it runs in, the gateway's options
 * ({@code --server}, {@code --help}) and its own picocli model (for its help). Picocli reads these annotated
 * fields from here as it reads a command's own.
 */
abstract class GatewayCli implements Callable<Integer> {

    final CliContext context;

    @Mixin
    GatewayOptions gateway;

    @Spec
    CommandSpec spec;

    GatewayCli(CliContext context) {
        this.context = context;
    }

    /** The gateway to talk to: {@code --server}, else {@code $CONCLAVE_SERVER}, else the local one. */
    URI server() throws UsageException {
        return context.serverUrl(gateway.server);
    }
}
