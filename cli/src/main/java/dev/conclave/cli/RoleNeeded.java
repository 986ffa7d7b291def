package dev.conclave.cli;

import java.net.http.HttpRequest;
import java.util.List;

/**
 * Which role a gateway call needs, in the gateway's words, so a 403 can say which key would do. The roles:
 * submitter (submit scans and read its own), viewer (read its tenant's scans and analytics), admin (keys,
 * flags, budgets, replay, dead letters).
 */
final class RoleNeeded {

    private RoleNeeded() {
    }

    /** The API's areas only an admin may use, by their path under {@code /api/v1/}. */
    private static final List<String> ADMIN_AREAS = List.of("keys", "replays", "dead-letters", "flags", "budgets");

    static String of(HttpRequest request) {
        String path = request.uri().getPath();
        if (ADMIN_AREAS.stream().anyMatch(area -> path.equals("/api/v1/" + area) || path.startsWith("/api/v1/" + area + "/"))) {
            return "the admin role";
        }
        if (request.method().equals("GET")) {
            return "the viewer role (or submitter, for the scans submitted with the same key)";
        }
        return "the submitter role (or admin)";
    }
}
