package dev.conclave.cli;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code conclave cancel <scan-id> [--run N] [--server URL]} once understood ({@link CancelCli}).
 *
 * @param run the run to cancel; empty for the scan's current run
 */
record CancelOptions(URI server, UUID scanId, Optional<Integer> run) {
}
