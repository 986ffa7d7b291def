package dev.conclave.model;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The announcement that a run was cancelled, sent by the gateway on the Redis pub/sub channel
 * {@link #CHANNEL} after the cancel is stored ({@code scan_run.cancel_requested_at}); every worker and
 * aggregator instance listens, so a model call of that run in flight anywhere is aborted. The message
 * is {@code <scan id> <run>}. Pub/sub is fire-and-forget: an instance that missed it still finds the
 * cancel in PostgreSQL before its next role.
 */
public record RunCancel(UUID scanId, int run) {
    public static final String CHANNEL = "conclave:cancel";
    private static final Pattern MESSAGE = Pattern.compile("([0-9a-fA-F-]{36}) ([1-9][0-9]{0,8})");

    /** The message as it travels on {@link #CHANNEL}. */
    public String message() {
        return scanId + " " + run;
    }

    /** The announcement a message carries; empty for anything that is not {@code <scan id> <run>}. */
    public static Optional<RunCancel> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher matcher = MESSAGE.matcher(message.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunCancel(UUID.fromString(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
