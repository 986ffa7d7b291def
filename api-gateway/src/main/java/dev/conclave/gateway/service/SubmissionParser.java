package dev.conclave.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.gateway.config.IntakeConfig;
import dev.conclave.gateway.config.ScanConfig;
import dev.conclave.gateway.config.ScanRoles;
import dev.conclave.gateway.intake.ArchiveExtractor;
import dev.conclave.gateway.intake.BoundedBody;
import dev.conclave.gateway.intake.ProjectPath;
import dev.conclave.gateway.intake.ProjectSource;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.WireJson;
import dev.conclave.scanner.ProjectFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code POST /api/v1/scans} submissions: a JSON body {@code {"name", "digest" | "files":
 * [{"path", "content"}] | "git": {"url", "ref"?}, "roles"?, "bypassCache"?, "deadlineSeconds"?}},
 * or a {@code .zip} / {@code .tar.gz} body with the same options as query parameters. Every refusal
 * names the field and, for a limit, the limit and the property that sets it. The options are checked
 * before the project is read; the project itself becomes its digest in {@link ProjectDigester}.
 */
@ApplicationScoped
public class SubmissionParser {
    private static final Pattern GIT_REF = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._/-]{0,199}");
    private final IntakeConfig limits;
    private final ScanConfig scans;
    private final ScanRoles roles;
    private final ProjectDigester digester;

    public SubmissionParser(IntakeConfig limits, ScanConfig scans, ScanRoles roles, ProjectDigester digester) {
        this.limits = limits;
        this.scans = scans;
        this.roles = roles;
        this.digester = digester;
    }

    /**
     * An archive upload. The options arrive as query parameters and are checked exactly as in a JSON
     * body (roles comma-separated), before a byte of the archive is read.
     */
    public ScanSubmission parseArchive(ArchiveExtractor.Format format, InputStream body, OptionalLong contentLength,
            String name, String roles, String bypassCache, String deadlineSeconds) {
        ObjectNode options = WireJson.mapper().createObjectNode();
        options.put("name", name);
        if (roles != null && !roles.isBlank()) {
            List.of(roles.split(",")).forEach(role -> options.withArray("roles").add(role.trim()));
        }
        if (deadlineSeconds != null && !deadlineSeconds.isBlank()) {
            options.put("deadlineSeconds", deadlineSeconds.trim().matches("-?\\d{1,18}") ? Long.parseLong(deadlineSeconds.trim()) : 0);
        }
        String checkedName = name(options.get("name"));
        List<String> checkedRoles = roles(options.get("roles"));
        Duration deadline = deadline(options.get("deadlineSeconds"));
        boolean bypass = flag(bypassCache);
        ScanDigest digest = digester.digest(new ProjectSource.Archive(format, body, contentLength), checkedName);
        return new ScanSubmission(checkedName, digest, checkedRoles, bypass, deadline);
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidScanException.badRequest("bypassCache", "bypassCache must be true or false, not '" + value + "'");
        };
    }

    /** A JSON submission given whole, as the tests and the outbox relay's callers build them. */
    public ScanSubmission parse(String body) {
        return parse(new ByteArrayInputStream(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A JSON submission read as a stream: the size limit is enforced while reading, so a body over
     * {@code conclave.intake.max-total-bytes} is refused as soon as it crosses it, never held whole.
     */
    public ScanSubmission parse(InputStream body) {
        JsonNode json;
        try (InputStream bounded = BoundedBody.of(body == null ? InputStream.nullInputStream() : body,
                limits.maxTotalBytes(), "conclave.intake.max-total-bytes")) {
            json = WireJson.mapper().readTree(bounded);
        } catch (JsonProcessingException e) {
            // A constraint (nesting depth, a number's or a string's length) can fail with no location.
            throw InvalidScanException.badRequest("body", e.getLocation() == null
                    ? "malformed JSON: " + e.getOriginalMessage()
                    : "malformed JSON at line %d, column %d: %s".formatted(e.getLocation().getLineNr(),
                            e.getLocation().getColumnNr(), e.getOriginalMessage()));
        } catch (IOException e) {
            throw InvalidScanException.badRequest("body", "the request body could not be read to its end (" + e.getMessage()
                    + "); send it again");
        }
        if (json == null || json.isMissingNode()) {
            throw InvalidScanException.badRequest("body",
                    "the request body is empty; send JSON {\"name\": ..., \"files\": [{\"path\", \"content\"}]} or {\"name\", \"digest\"}");
        }
        if (!json.isObject()) {
            throw InvalidScanException.badRequest("body", "the request body must be a JSON object");
        }
        String name = name(json.get("name"));
        List<String> roles = roles(json.get("roles"));
        Duration deadline = deadline(json.get("deadlineSeconds"));
        // Options first: a bad option should not cost a fetch.
        boolean bypass = bypassCache(json.get("bypassCache"));
        ScanDigest digest = digest(json, name);
        return new ScanSubmission(name, digest, roles, bypass, deadline);
    }

    private static boolean bypassCache(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw InvalidScanException.badRequest("bypassCache", "bypassCache must be true or false, not " + node);
        }
        return node.booleanValue();
    }

    private String name(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw InvalidScanException.badRequest("name", "name is missing; give the project a name, e.g. \"name\": \"my-app\"");
        }
        String name = node.asText().trim();
        if (name.length() > limits.maxNameLength()) {
            throw InvalidScanException.badRequest("name", "name is %d characters; the limit is %d (conclave.intake.max-name-length)"
                    .formatted(name.length(), limits.maxNameLength()));
        }
        return name;
    }

    private ScanDigest digest(JsonNode json, String name) {
        JsonNode digest = json.get("digest");
        JsonNode files = json.get("files");
        JsonNode git = json.get("git");
        if ((digest != null ? 1 : 0) + (files != null ? 1 : 0) + (git != null ? 1 : 0) > 1) {
            throw InvalidScanException.badRequest(files != null ? "files" : "git", "send one of digest, files or git, not several");
        }
        if (git != null) {
            if (!git.isObject() || !git.path("url").isTextual()) {
                throw InvalidScanException.badRequest("git.url", "git must be {\"url\": \"https://...\", \"ref\": \"main\"} (ref optional)");
            }
            JsonNode ref = git.get("ref");
            if (ref != null && !ref.isNull() && !(ref.isTextual() && GIT_REF.matcher(ref.asText()).matches()
                    && !ref.asText().contains("..") && !ref.asText().endsWith(".lock") && !ref.asText().endsWith("/"))) {
                // Checked before any fetch: a ref that starts with '-' could be read as an option.
                throw InvalidScanException.badRequest("git.ref", "git.ref must be a branch or tag name, e.g. \"main\" "
                        + "(letters, digits, '.', '_', '/', '-', not starting with '-', at most 200 characters)");
            }
            return digester.digest(new ProjectSource.GitRepository(git.get("url").asText(),
                    ref == null || ref.isNull() ? null : ref.asText()), name);
        }
        if (digest != null) {
            try {
                ScanDigest parsed = WireJson.mapper().treeToValue(digest, ScanDigest.class);
                if (parsed.facts() == null || parsed.scores() == null) {
                    throw InvalidScanException.badRequest("digest", "digest lacks facts or scores; build it with project-scanner (the conclave CLI does)");
                }
                return parsed;
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                throw InvalidScanException.badRequest("digest", "digest is not a valid ScanDigest: " + e.getMessage());
            }
        }
        if (files == null) {
            throw InvalidScanException.badRequest("files",
                    "files is missing; send the project as \"files\": [{\"path\": \"README.md\", \"content\": \"...\"}], a \"digest\", "
                    + "a \"git\": {\"url\", \"ref\"}, or a .zip / .tar.gz body");
        }
        return digester.digest(new ProjectSource.InlineFiles(projectFiles(files)), name);
    }

    private List<ProjectFile> projectFiles(JsonNode files) {
        if (!files.isArray()) {
            throw InvalidScanException.badRequest("files", "files must be an array of {\"path\", \"content\"}");
        }
        if (files.isEmpty()) {
            throw InvalidScanException.badRequest("files", "files is empty; send at least one file of the project");
        }
        if (files.size() > limits.maxFiles()) {
            throw InvalidScanException.tooLarge("files", "%d files; the limit is %d (conclave.intake.max-files)"
                    .formatted(files.size(), limits.maxFiles()));
        }
        List<ProjectFile> result = new ArrayList<>(files.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            String field = "files[" + i + "]";
            String path = path(file.get("path"), field + ".path");
            JsonNode content = file.get("content");
            if (content == null || !content.isTextual()) {
                throw InvalidScanException.badRequest(field + ".content", field + ".content (" + path + ") is missing; send the file's text");
            }
            long size = content.asText().getBytes(StandardCharsets.UTF_8).length;
            if (size > limits.maxFileBytes()) {
                throw InvalidScanException.tooLarge(field + ".content", "%s (%s) is %d bytes; the limit is %d (conclave.intake.max-file-bytes)"
                        .formatted(field, path, size, limits.maxFileBytes()));
            }
            if (!seen.add(path)) {
                throw InvalidScanException.badRequest(field + ".path", field + ".path '" + path + "' appears twice");
            }
            result.add(new ProjectFile(path, content.asText()));
        }
        return result;
    }

    private String path(JsonNode node, String field) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw InvalidScanException.badRequest(field, field + " is missing; give the file's path inside the project");
        }
        String path = node.asText();
        if (!ProjectPath.isPlainRelative(path)) {
            throw InvalidScanException.badRequest(field, field + " '" + path
                    + "' is not a plain relative path inside the project; use '/'-separated names without '..', '.', '\\' or a leading '/'");
        }
        if (ProjectPath.depth(path) > limits.maxPathDepth()) {
            throw InvalidScanException.badRequest(field, "%s '%s' is %d folders deep; the limit is %d (conclave.intake.max-path-depth)"
                    .formatted(field, path, ProjectPath.depth(path), limits.maxPathDepth()));
        }
        return path;
    }

    private List<String> roles(JsonNode node) {
        if (node == null || node.isNull()) {
            return roles.defaults();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw InvalidScanException.badRequest("roles", "roles must be a non-empty array; known roles: "
                    + roles.panel().names());
        }
        List<String> asked = new ArrayList<>();
        for (JsonNode role : node) {
            String name = role.asText();
            if (!roles.panel().isSpecialist(name)) {
                throw InvalidScanException.badRequest("roles", roles.panel().unknown(name));
            }
            if (!asked.contains(name)) {
                asked.add(name);
            }
        }
        return asked;
    }

    private Duration deadline(JsonNode node) {
        if (node == null || node.isNull()) {
            return scans.deadline();
        }
        long seconds = node.asLong(-1);
        if (!node.canConvertToLong() || seconds < 1 || seconds > scans.maxDeadline().toSeconds()) {
            throw InvalidScanException.badRequest("deadlineSeconds", "deadlineSeconds must be from 1 to %d (conclave.scan.max-deadline)"
                    .formatted(scans.maxDeadline().toSeconds()));
        }
        return Duration.ofSeconds(seconds);
    }
}
