/*
 * Submit→completed latency and sustained throughput of a running Conclave (gateway, workers,
 * aggregator). Plain JDK, run as a single-file program against the local services:
 *
 *   java bench/ScanBenchmark.java latency 200      # sequential scans, p50/p90/p99
 *   java bench/ScanBenchmark.java throughput 2000  # submitted as fast as possible, scans/s
 *
 * Server URL: $CONCLAVE_SERVER, else http://127.0.0.1:18080. API key: $CONCLAVE_API_KEY
 * (CONCLAVE_API_KEY=$(./conclave key) java bench/ScanBenchmark.java ...). The gateway's per-key limits
 * (conclave.limits.*, 30 submissions a minute by default) would measure the limit, not the pipeline:
 * start the services for a benchmark with them raised, e.g.
 *   CONCLAVE_LIMITS_SUBMISSIONS_PER_MINUTE=1000000 CONCLAVE_LIMITS_SUBMISSION_BURST=1000000 \
 *   CONCLAVE_LIMITS_UPLOADS_PER_KEY=64 CONCLAVE_LIMITS_UPLOADS_PER_INSTANCE=64 ./conclave up
 * Prints numbers; asserts nothing. Besides the readable lines, each mode prints one machine-readable line
 * starting with "RESULT " (key=value pairs) that bench/run.sh turns into its table.
 */
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ScanBenchmark {
    static final String SERVER = System.getenv().getOrDefault("CONCLAVE_SERVER", "http://127.0.0.1:18080");
    /**
     * Plain HttpURLConnection over HTTP/1.1 (the gateway speaks nothing else), kept-alive connections reused: the
     * load generator shares the two cores with what it measures, and java.net.http's client spent about 10 ms of
     * CPU per scan there (its selector thread and future chains for every request; docs/benchmarks.md).
     */
    static {
        System.setProperty("http.maxConnections", "64"); // idle connections kept per host: one per submitter
    }
    static final String BEARER = "Bearer " + System.getenv().getOrDefault("CONCLAVE_API_KEY", "");
    /** Names are unique per run: the response cache would answer a repeated project without any model call. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final Pattern ID = Pattern.compile("\"scanId\":\"([0-9a-f-]{36})\"");
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    static final Pattern CREATED = Pattern.compile("\"createdAt\":\"([^\"]+)\"");
    static final Pattern COMPLETED = Pattern.compile("\"completedAt\":\"([^\"]+)\"");

    record Done(String id, String status, Instant created, Instant completed, long clientNanos) {
        double serverMs() {
            return Duration.between(created, completed).toNanos() / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "latency";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        for (int i = 0; i < 5; i++) { // warm-up: JIT, connections, consumer fetch sessions
            await(submit("warmup-" + i), System.nanoTime(), 2);
        }
        if (mode.equals("latency")) {
            latency(n);
        } else {
            throughput(n, args.length > 2 ? Integer.parseInt(args[2]) : 16);
        }
        // This process' own CPU from its start (source compile and warm-up included): the load generator's share of
        // the machine, which bench/run.sh lists beside the services'.
        System.out.printf(Locale.ROOT, "CLIENT_CPU_MS %d%n",
                ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L));
    }

    static void latency(int n) throws Exception {
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            // 5 ms polls: the client's figure is late by at most that; at 2 ms the polls alone cost the gateway more
            // CPU than the scan (the server's figure is what the target is about).
            Done done = await(submit("latency-" + i), start, 5);
            client.add(done.clientNanos() / 1e6);
            server.add(done.serverMs());
        }
        System.out.printf("sequential scans: %d%n", n);
        print("client submit->completed ms", client);
        print("server created->completed ms", server);
        Collections.sort(client);
        Collections.sort(server);
        System.out.printf(Locale.ROOT, "RESULT mode=latency scans=%d client_p50=%.1f client_p99=%.1f server_p50=%.1f server_p99=%.1f%n",
                n, pct(client, 50), pct(client, 99), pct(server, 50), pct(server, 99));
    }

    static void throughput(int n, int submitters) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        long start = System.nanoTime();
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            ids.add(pool.submit(() -> submit("throughput-" + k)));
        }
        List<String> accepted = new ArrayList<>();
        for (Future<String> id : ids) {
            accepted.add(id.get());
        }
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        // One poller walks the scans in the order they were accepted, so it mostly asks once per scan: by the time
        // it reaches a scan, that scan has usually finished. The numbers are the server's timestamps, so when the
        // poller notices does not matter, and polling stays a small part of the gateway's work.
        Instant first = null;
        Instant last = null;
        List<Double> server = new ArrayList<>();
        int completed = 0;
        for (String id : accepted) {
            Done d = await(id, start, 50);
            completed += d.status().equals("COMPLETED") ? 1 : 0;
            first = first == null || d.created().isBefore(first) ? d.created() : first;
            last = last == null || d.completed().isAfter(last) ? d.completed() : last;
            server.add(d.serverMs());
        }
        pool.shutdown();
        double span = Duration.between(first, last).toNanos() / 1e9;
        System.out.printf("scans: %d submitted by %d threads in %.2f s (%.0f accepted/s); %d COMPLETED%n",
                n, submitters, submitSeconds, n / submitSeconds, completed);
        System.out.printf("sustained: %.1f scans/s (first accepted -> last completed: %.2f s)%n", n / span, span);
        print("server created->completed ms under load", server);
        Collections.sort(server);
        System.out.printf(Locale.ROOT, "RESULT mode=throughput scans=%d completed=%d accepted_per_s=%.1f scans_per_s=%.1f span_s=%.2f server_p50=%.1f%n",
                n, completed, n / submitSeconds, n / span, span, pct(server, 50));
    }

    record Response(int status, String body) {
    }

    /** One request on a kept-alive connection; the body is read to its end so the connection is reused. */
    static Response http(String method, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(SERVER + path).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        c.setRequestMethod(method);
        c.setRequestProperty("Authorization", BEARER);
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static String submit(String name) throws Exception {
        String body = """
                {"name": "%s", "files": [
                 {"path": "README.md", "content": "# Bench\\nA benchmark project.\\n## Install\\nmake\\n"},
                 {"path": "src/main.py", "content": "def main():\\n    print('hi')\\n"},
                 {"path": "tests/test_main.py", "content": "def test_main():\\n    assert True\\n"}]}""".formatted(RUN + "-" + name);
        Response r = http("POST", "/api/v1/scans", body);
        if (r.status() != 202) {
            throw new IllegalStateException("submit answered " + r.status() + ": " + r.body());
        }
        return find(ID, r.body());
    }

    static Done await(String id, long startNanos, long pollMillis) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http("GET", "/api/v1/scans/" + id, null).body();
            String status = find(STATUS, body);
            if (status.equals("COMPLETED") || status.equals("PARTIAL") || status.equals("FAILED")) {
                return new Done(id, status, Instant.parse(find(CREATED, body)), Instant.parse(find(COMPLETED, body)),
                        System.nanoTime() - startNanos);
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException("scan " + id + " did not finish in 10 minutes");
    }

    static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + body);
        }
        return m.group(1);
    }

    static void print(String what, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("%s: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f, mean %.1f%n", what, pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1),
                sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
