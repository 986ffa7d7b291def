package dev.conclave.gateway.deadletters;

import java.util.List;

/**
 * A page of dead letters, newest first; {@code nextCursor} is what to pass as {@code cursor} for the
 * next page, null on the last one.
 */
public record DeadLetterPage(List<DeadLetterSummary> items, String nextCursor) {
}
