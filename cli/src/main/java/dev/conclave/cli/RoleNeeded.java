package dev.conclave.cli;

import java.net.http.HttpRequest;

/**
 * Which role a gateway call needs, in the gateway's words, so a 403 can say which key would do. The roles:
 * submitter (submit scans and read its own), viewer (read its tenant's scans and analytics), admin (keys,
 * flags, budgets, replay, dead letters).
 */
final class RoleNeeded {

    private RoleNeeded() {
    }

    static String of(HttpRequest request) {
        String path = request.uri().getPath();
        if (!path.startsWith(GatewayClient.SCANS_PATH)) {
            return "the admin role";
        }
        if (request.method().equals("GET")) {
            return "the viewer role (or submitter, for the scans submitted with the same key)";
        }
        return "the submitter role (or admin)";
    }
}
