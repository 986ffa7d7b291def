package dev.conclave.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.conclave.model.WireJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's API as the CLI uses it: submit a digest, read a scan's progress, and any other JSON call.
 * Every request is built here, so every request carries the {@link ApiKey} (as {@code Authorization: Bearer}).
 * Every failure becomes a {@link GatewayException} whose message a user can act on, carrying the gateway's
 * own {@code error} text when it sent one.
 */
public final class GatewayClient implements AutoCloseable {

    static final String SCANS_PATH = "/api/v1/scans";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Submitting a large digest waits for the broker's acknowledgement, so allow more than a poll. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final ApiKey apiKey;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper json = WireJson.mapper();

    /**
     * @param server the gateway's base URL, without a trailing slash
     * @param apiKey the key every request carries (a key-less one sends no header)
     */
    GatewayClient(URI server, ApiKey apiKey) {
        this(server, apiKey, REQUEST_TIMEOUT);
    }

    /** @param requestTimeout how long one call may take before the gateway counts as not answering */
    GatewayClient(URI server, ApiKey apiKey, Duration requestTimeout) {
        this.server = server;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public URI server() {
        return server;
    }

    /**
     * Submits a scan. The idempotency key makes a resubmission of the same invocation (after a
     * lost answer) return the scan already accepted instead of starting a second one.
     */
    public AcceptedScan submit(SubmissionBody submission, String idempotencyKey) throws GatewayException {
        return post(SCANS_PATH, "application/json", HttpRequest.BodyPublishers.ofString(encode(submission),
                StandardCharsets.UTF_8), idempotencyKey);
    }

    /** Submits a git repository for the gateway to fetch (from the hosts it allows). */
    public AcceptedScan submitGit(String name, ProjectSource.GitRepository git, boolean bypassCache,
            String idempotencyKey) throws GatewayException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        Map<String, String> repository = new LinkedHashMap<>();
        repository.put("url", git.url());
        if (git.ref() != null) {
            repository.put("ref", git.ref());
        }
        body.put("git", repository);
        body.put("bypassCache", bypassCache);
        return post(SCANS_PATH, "application/json", HttpRequest.BodyPublishers.ofString(encode(body),
                StandardCharsets.UTF_8), idempotencyKey);
    }

    /** Uploads a .zip or .tar.gz as it is; the gateway unpacks it under its limits. */
    public AcceptedScan submitArchive(String name, ProjectSource.Archive archive, boolean bypassCache,
            String idempotencyKey) throws GatewayException {
        String query = "?name=" + urlEncode(name) + "&bypassCache=" + bypassCache;
        try {
            return post(SCANS_PATH + query, archive.contentType(), HttpRequest.BodyPublishers.ofFile(archive.file()),
                    idempotencyKey);
        } catch (java.io.FileNotFoundException e) {
            throw new GatewayException(GatewayException.Kind.BAD_RESPONSE, 0, "cannot read " + archive.file(), e);
        }
    }

    private String encode(Object body) throws GatewayException {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new GatewayException(GatewayException.Kind.BAD_RESPONSE, 0,
                    "cannot encode the scan request: " + e.getOriginalMessage(), e);
        }
    }

    private AcceptedScan post(String path, String contentType, HttpRequest.BodyPublisher body, String idempotencyKey)
            throws GatewayException {
        HttpRequest request = request(path)
                .header("Content-Type", contentType)
                .header("Idempotency-Key", idempotencyKey)
                .POST(body)
                .build();
        HttpResponse<String> response = send(request, "submit the scan");
        AcceptedScan accepted = decode(response, AcceptedScan.class, "the scan submission");
        if (accepted.scanId() == null || accepted.scanId().isBlank()) {
            throw new GatewayException(GatewayException.Kind.BAD_RESPONSE, response.statusCode(),
                    "the gateway accepted the scan but sent no scanId: " + abbreviate(response.body()), null);
        }
        return accepted;
    }

    /** Reads where a scan stands, with its report once it has one. */
    public ScanProgress status(String scanId) throws GatewayException {
        HttpRequest request = request(SCANS_PATH + "/" + urlEncode(scanId))
                .GET()
                .build();
        HttpResponse<String> response = send(request, "read scan " + scanId);
        ScanProgress progress = decode(response, ScanProgress.class, "scan " + scanId);
        if (progress.status() == null) {
            throw new GatewayException(GatewayException.Kind.BAD_RESPONSE, response.statusCode(),
                    "the gateway's answer for scan " + scanId + " has no status: " + abbreviate(response.body()),
                    null);
        }
        return progress;
    }

    /**
     * Any other JSON call: {@code method} on {@code pathAndQuery} (already encoded), no body. Returns
     * the answer's JSON, or a missing node for an empty answer (204); {@code what} names the call in errors.
     */
    public JsonNode call(String method, String pathAndQuery, String what) throws GatewayException {
        return call(method, pathAndQuery, null, null, what);
    }

    /**
     * A JSON call with a JSON body (null for none) and an idempotency key (null for none), which makes a
     * repeat after a lost answer return the first outcome instead of doing it twice.
     */
    public JsonNode call(String method, String pathAndQuery, String body, String idempotencyKey, String what)
            throws GatewayException {
        HttpRequest.Builder request = request(pathAndQuery)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = send(request.build(), what);
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw refusal(response, what);
        }
        if (response.body() == null || response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        return decode(response, JsonNode.class, what);
    }

    /**
     * Asks the gateway to cancel a run (the scan's current one when {@code run} is empty) and returns the
     * run as it stands; a run already closed is refused (409) with its status.
     */
    public ScanProgress cancel(String scanId, Optional<Integer> run) throws GatewayException {
        HttpRequest request = request(SCANS_PATH + "/" + urlEncode(scanId) + "/cancel"
                        + run.map(n -> "?run=" + n).orElse(""))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = send(request, "cancel a run of scan " + scanId);
        return decode(response, ScanProgress.class, "scan " + scanId);
    }

    @Override
    public void close() {
        http.close();
    }

    /** A path segment or query value as it goes into a request (the path and query {@link #call} takes). */
    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A scan's Server-Sent Events stream, with the key. No request timeout: the stream stays open for as long as
     * the scan runs (the connect timeout still applies).
     */
    HttpRequest events(String scanId) {
        return authorized(HttpRequest.newBuilder(endpoint(SCANS_PATH + "/" + urlEncode(scanId) + "/events")))
                .header("Accept", "text/event-stream").GET().build();
    }

    /** A JSON request to {@code pathAndQuery}, with the key and the usual timeout; the caller adds the method. */
    private HttpRequest.Builder request(String pathAndQuery) {
        return authorized(HttpRequest.newBuilder(endpoint(pathAndQuery)))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        apiKey.authorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    private URI endpoint(String path) {
        return URI.create(server + path);
    }

    private HttpResponse<String> send(HttpRequest request, String what) throws GatewayException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new GatewayException(GatewayException.Kind.UNREACHABLE, 0,
                    "cannot reach the Conclave gateway at " + server + " (" + describe(e) + "). "
                            + "Is it running? Check with ./conclave status, or point --server or $"
                            + ScanOptions.SERVER_ENV + " at it.", e);
        } catch (HttpTimeoutException e) {
            throw new GatewayException(GatewayException.Kind.NO_ANSWER, 0,
                    "the gateway at " + server + " did not answer within " + requestTimeout.toSeconds()
                            + " s when asked to " + what + ". Check its health with ./conclave status.", e);
        } catch (IOException e) {
            throw new GatewayException(GatewayException.Kind.NO_ANSWER, 0,
                    "lost the connection to the gateway at " + server + " while trying to " + what + " ("
                            + describe(e) + "). Check with ./conclave status.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayException.Kind.NO_ANSWER, 0, "interrupted while trying to " + what, e);
        }
    }

    private <T> T decode(HttpResponse<String> response, Class<T> type, String what) throws GatewayException {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw refusal(response, what);
        }
        try {
            T value = json.readValue(response.body(), type);
            if (value == null) {
                throw new GatewayException(GatewayException.Kind.BAD_RESPONSE, status,
                        "the gateway sent an empty answer for " + what, null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new GatewayException(GatewayException.Kind.BAD_RESPONSE, status,
                    "the gateway's answer for " + what + " is not what this CLI understands ("
                            + e.getOriginalMessage() + "): " + abbreviate(response.body()), e);
        }
    }

    /**
     * Turns a 4xx/5xx into a message that leads with the gateway's own explanation; a refused key (401) says how
     * to give one, a refused role (403) names the role the call needs.
     */
    private GatewayException refusal(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        String explanation = errorMessage(response.body());
        GatewayException.Kind kind = status >= 500 ? GatewayException.Kind.SERVER_ERROR : GatewayException.Kind.REJECTED;
        if (status == 401) {
            return new GatewayException(kind, status, "the gateway refused the API key: set " + ApiKey.KEY_ENV
                    + " or run ./conclave key to print the local admin key, which ./conclave passes to the CLI"
                    + " (sent: " + apiKey + "; the gateway said: " + explanation + ")", null);
        }
        if (status == 403) {
            return new GatewayException(kind, status, "the gateway refused this key for " + what + " ("
                    + apiKey.source() + "): it needs " + RoleNeeded.of(response.request()) + "; ask an admin for"
                    + " such a key (conclave keys create --role ...). The gateway said: " + explanation, null);
        }
        String message = "the gateway answered HTTP " + status + " for " + what + ": " + explanation;
        if (status == 404 && what.startsWith("scan ")) {
            message += " (is --server pointing at the gateway the scan was submitted to?)";
        }
        return new GatewayException(kind, status, message, null);
    }

    private String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(no explanation in the response)";
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode error = node == null ? null : node.get("error");
            if (error != null && error.isTextual()) {
                JsonNode field = node.get("field");
                return field != null && field.isTextual() && !field.asText().isBlank()
                        ? error.asText() + " (field: " + field.asText() + ")"
                        : error.asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON (a proxy's HTML page, say): show the beginning of it instead
        }
        return abbreviate(body);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if ((message == null || message.isBlank()) && e instanceof ConnectException) {
            // The JDK client's ConnectException often has no message; refused is what it means.
            return "connection refused";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
