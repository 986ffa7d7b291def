package dev.conclave.cli;

import java.net.URI;
import java.util.Map;

/**
 * {@code conclave dead-letters <action> ...} once understood ({@link DeadLettersCli}): the action, the letter's id
 * or {@code --all}, the filters (named as the gateway's query parameters: topic, reason, from, to, redriven), and
 * the action's flags.
 */
record DeadLettersOptions(Action action, URI server, Long id, boolean all, Map<String, String> filters, int limit,
        String cursor, boolean force, boolean json) {

    enum Action { LIST, SHOW, REDRIVE, PURGE }
}
