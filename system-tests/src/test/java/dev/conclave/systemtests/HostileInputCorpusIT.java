package dev.conclave.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests of every kind — JSON bodies, archives, git URLs, headers, query parameters and
 * event streams — each get their documented 4xx naming the field or limit, store and leave nothing,
 * and while they run, normal scans keep their pace (p99 within twice the quiet p99).
 */
@SystemTest
class HostileInputCorpusIT {
    private static final String NAME = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int NORMAL_SCANS = 24;

    private final Fleet fleet;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HostileInputCorpusIT(Fleet fleet) {
        this.fleet = fleet;
    }

    /** One hostile request and the refusal it must get: the status and the field the error names. */
    record Hostile(String area, String what, HttpRequest.Builder request, int status, String field, String mention) {
        @Override
        public String toString() {
            return area + ": " + what;
        }
    }

    @Test
    void everyHostileRequestIsRefusedAsDocumentedAndNormalScansKeepTheirPace() throws Exception {
        List<Hostile> corpus = corpus();
        assertTrue(corpus.size() >= 40, "the corpus has " + corpus.size() + " cases");

        normalScans(6); // warm-up: the first scans of a fresh fleet pay for class loading and connections
        List<Long> quiet = normalScans(NORMAL_SCANS);

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> loaded = pool.submit(() -> {
                try {
                    return normalScans(NORMAL_SCANS);
                } finally {
                    done.set(true);
                }
            });
            int rounds = 0;
            do {
                for (Hostile hostile : corpus) {
                    check(hostile).ifPresent(failures::add);
                }
                rounds++;
            } while (!done.get());
            List<Long> underAttack = loaded.get();
            long quietP99 = percentile(quiet, 99);
            long loadedP99 = percentile(underAttack, 99);
            System.out.printf("hostile corpus: %d cases, %d rounds; normal scans p50/p99 %d/%d ms quiet, %d/%d ms during%n",
                    corpus.size(), rounds, percentile(quiet, 50), quietP99, percentile(underAttack, 50), loadedP99);
            assertEquals(List.of(), failures.stream().distinct().toList());
            assertTrue(loadedP99 <= 2 * quietP99, "normal scans' p99 was " + loadedP99 + " ms during the corpus, "
                    + quietP99 + " ms without it");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, fleet.database().scansNamedLike(NAME + "%"), "a hostile request was stored as a scan");
        assertEquals(List.of(), leftovers(), "intake left files behind");
        assertTrue(fleet.readiness(Fleet.GATEWAY_PROCESS).up(), "the gateway is still ready");
    }

    private Optional<String> check(Hostile hostile) {
        try {
            HttpResponse<String> answer = http.send(hostile.request().timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != hostile.status()) {
                return Optional.of(hostile + " answered " + answer.statusCode() + ", not " + hostile.status()
                        + ": " + abbreviate(answer.body()));
            }
            if (hostile.field() != null) {
                JsonNode error = WireJson.mapper().readTree(answer.body());
                if (!hostile.field().equals(error.path("field").asText())
                        || !error.path("error").asText().contains(hostile.mention())) {
                    return Optional.of(hostile + " answered " + abbreviate(answer.body()) + ", not field "
                            + hostile.field() + " mentioning '" + hostile.mention() + "'");
                }
            }
            if (answer.statusCode() == 429 && answer.headers().firstValue("Retry-After").isEmpty()) {
                return Optional.of(hostile + " answered 429 without Retry-After");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(hostile + " got no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** Submit-to-final latencies (ms) of {@code count} small scans, two at a time. */
    private List<Long> normalScans(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> timings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                timings.add(pool.submit(() -> {
                    long started = System.nanoTime();
                    Accepted accepted = fleet.scanApi().submit(
                            ScanBody.of(ScanBody.uniqueName("normal"), Projects.flaskTodoService()).json());
                    JsonNode scan = fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(60));
                    assertEquals("COMPLETED", scan.path("status").asText());
                    return (System.nanoTime() - started) / 1_000_000;
                }));
            }
            List<Long> millis = new ArrayList<>();
            for (Future<Long> timing : timings) {
                millis.add(timing.get());
            }
            return millis;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private List<String> leftovers() throws IOException {
        Path tmp = fleet.tmpDir(Fleet.GATEWAY_PROCESS);
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("conclave-")).toList();
        }
    }

    // ---- the corpus -------------------------------------------------------------------------

    private List<Hostile> corpus() {
        List<Hostile> corpus = new ArrayList<>();
        corpus.addAll(jsonBodies());
        corpus.addAll(contentTypes());
        corpus.addAll(archives());
        corpus.addAll(gitUrls());
        corpus.addAll(headers());
        corpus.addAll(queryParameters());
        corpus.addAll(eventStreams());
        return corpus;
    }

    private List<Hostile> jsonBodies() {
        String file = "{\"path\":\"a.py\",\"content\":\"print(1)\"}";
        return List.of(
                json("malformed JSON", "{\"name\":\"" + NAME + "\",\"files\":[", 400, "body", "malformed JSON"),
                json("an array, not an object", "[1,2,3]", 400, "body", ""),
                json("missing name", "{\"files\":[" + file + "]}", 400, "name", "name is missing"),
                json("name of 10,000 characters", "{\"name\":\"" + "n".repeat(10_000) + "\",\"files\":[" + file + "]}",
                        400, "name", ""),
                json("unknown role", "{\"name\":\"" + NAME + "\",\"roles\":[\"root\"],\"files\":[" + file + "]}",
                        400, "roles", "unknown role 'root'"),
                json("negative deadline", "{\"name\":\"" + NAME + "\",\"deadlineSeconds\":-1,\"files\":[" + file + "]}",
                        400, "deadlineSeconds", ""),
                json("empty files", "{\"name\":\"" + NAME + "\",\"files\":[]}", 400, "files", "files is empty"),
                json("path traversal", "{\"name\":\"" + NAME + "\",\"files\":[{\"path\":\"../../etc/passwd\",\"content\":\"x\"}]}",
                        400, "files[0].path", "not a plain relative path"),
                json("absolute path", "{\"name\":\"" + NAME + "\",\"files\":[{\"path\":\"/etc/passwd\",\"content\":\"x\"}]}",
                        400, "files[0].path", "not a plain relative path"),
                json("file over 2 MB", "{\"name\":\"" + NAME + "\",\"files\":[{\"path\":\"big.txt\",\"content\":\""
                        + "x".repeat(2_100_000) + "\"}]}", 413, "files[0].content", "(conclave.intake.max-file-bytes)"),
                json("body over 20 MB", "{\"name\":\"" + NAME + "\",\"files\":[{\"path\":\"big.txt\",\"content\":\""
                        + "x".repeat(21_000_000) + "\"}]}", 413, "body", "(conclave.intake.max-total-bytes)"),
                json("nesting 100,000 deep", "{\"name\":\"" + NAME + "\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                        400, "body", "malformed JSON"),
                json("files and git at once", "{\"name\":\"" + NAME + "\",\"files\":[" + file
                        + "],\"git\":{\"url\":\"https://github.com/a/b.git\"}}", 400, null, null),
                json("a client digest of the wrong shape", "{\"name\":\"" + NAME + "\",\"digest\":{\"files\":\"no\"}}",
                        400, null, null),
                json("bypassCache as a string", "{\"name\":\"" + NAME + "\",\"bypassCache\":\"yes\",\"files\":[" + file + "]}",
                        400, "bypassCache", "true or false"));
    }

    private List<Hostile> contentTypes() {
        String body = "{\"name\":\"" + NAME + "\",\"files\":[{\"path\":\"a.py\",\"content\":\"x\"}]}";
        return List.of(
                withBody("text/plain (a cross-site form post)", "/api/v1/scans", "text/plain", body, 415),
                withBody("form encoding", "/api/v1/scans", "application/x-www-form-urlencoded", "name=" + NAME, 415),
                withBody("multipart", "/api/v1/scans", "multipart/form-data; boundary=x", "--x--", 415),
                withBody("text/plain to re-run", "/api/v1/scans/" + UUID.randomUUID() + "/runs", "text/plain", "{}", 415));
    }

    private List<Hostile> archives() {
        byte[] bomb = zip(Map.of("zeros.txt", new byte[50_000_000]), Deflater.BEST_COMPRESSION);
        return List.of(
                archive("zip slip", "application/zip", zip(Map.of("../../evil.sh", bytes("rm -rf /")), Deflater.DEFAULT_COMPRESSION),
                        400, "body", ""),
                archive("zip bomb (50 MB of zeros)", "application/zip", bomb, 413, "body", "(conclave.intake."),
                archive("not a zip", "application/zip", bytes("just text"), 400, "body", "not a readable zip archive"),
                archive("gzip that is no tar", "application/gzip", gzip(bytes("plain words, no tar")), 400, "body", ""),
                archive("empty zip body", "application/zip", new byte[0], 400, "body", ""),
                new Hostile("archives", "no name", request("/api/v1/scans").header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zip(Map.of("a.py", bytes("x")), Deflater.DEFAULT_COMPRESSION))),
                        400, "name", ""));
    }

    private List<Hostile> gitUrls() {
        return List.of(
                git("file scheme", "file:///etc", "git.url", "file URLs are disabled"),
                git("http", "http://github.com/a/b.git", "git.url", "only https"),
                git("ssh", "ssh://git@github.com/a/b.git", "git.url", "only https"),
                git("loopback", "https://127.0.0.1/a.git", "git.url", "not allowed"),
                git("metadata address", "https://169.254.169.254/latest/meta-data/", "git.url", "not allowed"),
                git("IPv4-mapped loopback", "https://[::ffff:127.0.0.1]/a.git", "git.url", "not allowed"),
                git("NAT64 of loopback", "https://[64:ff9b::7f00:1]/a.git", "git.url", "not allowed"),
                git("host not allowed", "https://evil.example.com/a.git", "git.url", "(conclave.intake.git.allowed-hosts)"),
                git("credentials in the URL", "https://token:secret@github.com/a/b.git", "git.url", "must not carry credentials"),
                git("another port", "https://github.com:8443/a/b.git", "git.url", "names port 8443"),
                new Hostile("git", "a ref that is an option", jsonRequest("{\"name\":\"" + NAME
                        + "\",\"git\":{\"url\":\"https://github.com/a/b.git\",\"ref\":\"--upload-pack=touch /tmp/x\"}}"),
                        400, "git.ref", "not starting with '-'"));
    }

    private List<Hostile> headers() {
        String body = "{\"name\":\"" + NAME + "\",\"files\":[{\"path\":\"a.py\",\"content\":\"x\"}]}";
        return List.of(
                new Hostile("headers", "no Authorization", unauthenticated("/api/v1/scans").GET(), 401, null, null),
                new Hostile("headers", "an unknown key", unauthenticated("/api/v1/scans")
                        .header("Authorization", "Bearer cnk_00000000_" + "A".repeat(40)).GET(), 401, null, null),
                new Hostile("headers", "Basic instead of Bearer", unauthenticated("/api/v1/scans")
                        .header("Authorization", "Basic YWRtaW46YWRtaW4=").GET(), 401, null, null),
                new Hostile("headers", "a revoked key", unauthenticated("/api/v1/scans")
                        .header("Authorization", "Bearer " + keys().revoked()).GET(), 401, null, null),
                new Hostile("headers", "a viewer submitting", unauthenticated("/api/v1/scans")
                        .header("Authorization", "Bearer " + keys().viewer()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)), 403, null, null),
                new Hostile("headers", "a viewer creating a key", unauthenticated("/api/v1/keys")
                        .header("Authorization", "Bearer " + keys().viewer()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"role\":\"admin\"}")), 403, null, null),
                new Hostile("headers", "an Idempotency-Key of 2,000 characters", jsonRequest(body)
                        .header("Idempotency-Key", "k".repeat(2_000)), 400, "Idempotency-Key", "the limit is 200"),
                new Hostile("headers", "an Idempotency-Key with spaces", jsonRequest(body)
                        .header("Idempotency-Key", "a key; drop table scan"), 400, "Idempotency-Key", "visible ASCII"));
    }

    private List<Hostile> queryParameters() {
        return List.of(
                get("limit 0", "/api/v1/scans?limit=0", 400, "limit"),
                get("limit 100,000", "/api/v1/scans?limit=100000", 400, "limit"),
                get("a status that is SQL", "/api/v1/scans?status=DONE%27%3B%20DROP%20TABLE%20scan%3B--", 400, "status"),
                get("an id that is no UUID", "/api/v1/scans/..%2F..%2Fetc", 400, "id"),
                get("another tenant's scan", "/api/v1/scans/" + keys().otherTenantsScan(), 404, null),
                get("a diff of runs that are words", "/api/v1/scans/" + keys().ownScan() + "/runs/diff?from=a&to=2", 400, "from"),
                get("dead letters, limit 100,000", "/api/v1/dead-letters?limit=100000", 400, "limit"));
    }

    private List<Hostile> eventStreams() {
        return List.of(
                get("events of an unknown scan", "/api/v1/scans/" + UUID.randomUUID() + "/events", 404, "id"),
                get("events of no UUID", "/api/v1/scans/nope/events", 400, "id"),
                get("events of another tenant's scan", "/api/v1/scans/" + keys().otherTenantsScan() + "/events", 404, "id"),
                new Hostile("event streams", "a Last-Event-ID that is no stream id",
                        request("/api/v1/scans/" + keys().ownScan() + "/events").header("Last-Event-ID", "'; FLUSHALL").GET(),
                        400, "Last-Event-ID", ""));
    }

    // ---- request builders -------------------------------------------------------------------

    private HttpRequest.Builder unauthenticated(String path) {
        return HttpRequest.newBuilder(fleet.gatewayUrl().resolve(path));
    }

    private HttpRequest.Builder request(String path) {
        return unauthenticated(path).header("Authorization", fleet.apiKey().bearer());
    }

    private HttpRequest.Builder jsonRequest(String body) {
        return request("/api/v1/scans").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private Hostile json(String what, String body, int status, String field, String mention) {
        return new Hostile("JSON bodies", what, jsonRequest(body), status, field, mention);
    }

    private Hostile withBody(String what, String path, String contentType, String body, int status) {
        return new Hostile("content types", what, request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), status, null, null);
    }

    private Hostile archive(String what, String contentType, byte[] body, int status, String field, String mention) {
        return new Hostile("archives", what, request("/api/v1/scans?name=" + NAME).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), status, field, mention);
    }

    private Hostile git(String what, String url, String field, String mention) {
        return new Hostile("git", what, jsonRequest("{\"name\":\"" + NAME + "\",\"git\":{\"url\":\"" + url + "\"}}"),
                400, field, mention);
    }

    private Hostile get(String what, String path, int status, String field) {
        return new Hostile(path.contains("/events") ? "event streams" : "query parameters", what, request(path).GET(),
                status, field, field == null ? null : "");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> files, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(level);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- the keys and scans the corpus refers to -------------------------------------------

    /**
     * Made once through the keys API with the fleet's admin key (an admin of the operator tenant):
     * a viewer of the same tenant, a revoked key, and a scan each of this tenant and of another.
     */
    record Fixture(String viewer, String revoked, UUID ownScan, UUID otherTenantsScan) {
    }

    private Fixture fixture;

    private Fixture keys() {
        if (fixture == null) {
            String viewer = createKey("corpus-viewer", "viewer", null).path("key").asText();
            JsonNode revoked = createKey("corpus-revoked", "submitter", null);
            send(request("/api/v1/keys/" + revoked.path("id").asText()).DELETE(), 200, 204);
            String rival = createKey("corpus-rival", "submitter", "rival-" + NAME).path("key").asText();
            String body = ScanBody.of(ScanBody.uniqueName("rival"), Projects.flaskTodoService()).json().toString();
            UUID otherTenantsScan = UUID.fromString(json(send(unauthenticated("/api/v1/scans")
                    .header("Authorization", "Bearer " + rival).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), 202)).path("scanId").asText());
            UUID ownScan = fleet.scanApi().submit(ScanBody.of(ScanBody.uniqueName("own"), Projects.flaskTodoService()).json())
                    .scanId();
            fixture = new Fixture(viewer, revoked.path("key").asText(), ownScan, otherTenantsScan);
        }
        return fixture;
    }

    private JsonNode createKey(String name, String role, String tenant) {
        var order = WireJson.mapper().createObjectNode().put("name", name).put("role", role);
        if (tenant != null) {
            order.put("tenant", tenant);
        }
        return json(send(request("/api/v1/keys").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order.toString())), 201));
    }

    private String send(HttpRequest.Builder request, int... expected) {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (Arrays.stream(expected).noneMatch(status -> status == answer.statusCode())) {
                throw new AssertionError(answer.request().method() + " " + answer.request().uri() + " answered "
                        + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return WireJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
