package dev.conclave.cli;

import picocli.CommandLine.Option;

/** The options of every command, mixed into each: which gateway, and help. */
final class GatewayOptions {

    @Option(names = "--server", paramLabel = "URL",
            description = "the gateway (default: $CONCLAVE_SERVER, else " + ScanOptions.DEFAULT_SERVER_TEXT + ")")
    String server;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;
}
