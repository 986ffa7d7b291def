package dev.conclave.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.WireJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The body of {@code POST /api/v1/scans}: a project's files, optionally the roles and a deadline. */
public final class ScanBody {
    private final String name;
    private final Map<String, String> files;
    private List<String> roles;
    private Integer deadlineSeconds;

    private ScanBody(String name, Map<String, String> files) {
        this.name = name;
        this.files = files;
    }

    public static ScanBody of(String name, Map<String, String> files) {
        return new ScanBody(name, new LinkedHashMap<>(files));
    }

    /** A project name no earlier run has used, so a test never reads another run's rows or messages. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ScanBody roles(String... roles) {
        this.roles = List.of(roles);
        return this;
    }

    public ScanBody deadlineSeconds(int seconds) {
        this.deadlineSeconds = seconds;
        return this;
    }

    public JsonNode json() {
        ObjectNode body = WireJson.mapper().createObjectNode().put("name", name);
        var array = body.putArray("files");
        files.forEach((path, content) -> array.addObject().put("path", path).put("content", content));
        if (roles != null) {
            var roleArray = body.putArray("roles");
            roles.forEach(roleArray::add);
        }
        if (deadlineSeconds != null) {
            body.put("deadlineSeconds", deadlineSeconds);
        }
        return body;
    }
}
