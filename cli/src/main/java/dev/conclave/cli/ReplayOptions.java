package dev.conclave.cli;

import java.net.URI;
import java.util.Map;

/**
 * {@code conclave replay ...} understood: which action, on which job, or with which request body.
 *
 * @param action      dry-run, start, list, show, pause, resume or cancel (the HTTP API's words)
 * @param job         the job id of show, pause, resume and cancel; null otherwise
 * @param body        the JSON body of dry-run and start; null otherwise
 * @param query       the query of list (status, limit)
 * @param json        print the gateway's JSON answer as it is
 */
public record ReplayOptions(String action, String job, String body, Map<String, String> query, URI server,
        boolean json) {

    public ReplayOptions {
        query = query == null ? Map.of() : Map.copyOf(query);
    }
}
