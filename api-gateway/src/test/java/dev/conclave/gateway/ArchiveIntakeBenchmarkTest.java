package dev.conclave.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Numbers for docs/benchmarks.md, not a check: run with {@code -Dconclave.benchmark=true}. Throughput
 * of a few-MB archive end to end (unpack, scan, store, publish), and the heap the gateway's JVM
 * (the test JVM here) gains while a 100 MB zip bomb is refused.
 */
@QuarkusTest
@TestProfile(ProductionIntakeLimits.class)
@EnabledIfSystemProperty(named = "conclave.benchmark", matches = "true")
class ArchiveIntakeBenchmarkTest {

    @Test
    void throughputOfAGoodArchiveAndHeapDuringABomb() throws Exception {
        Random random = new Random(11);
        TestArchives project = TestArchives.project();
        long uncompressed = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder source = new StringBuilder();
            while (source.length() < 10_000) {
                source.append("    def f").append(random.nextInt(100_000)).append("(x):\n        return x * ")
                        .append(random.nextInt(1000)).append(" + ").append(Long.toHexString(random.nextLong())).append("\n");
            }
            project.file("pkg" + (i % 20) + "/module" + i + ".py", source.toString());
            uncompressed += source.length();
        }
        report("zip", "application/zip", project.zip(), uncompressed);
        report("tar.gz", "application/gzip", project.tarGz(), uncompressed);

        byte[] bomb = TestArchives.zerosZip("zeros.txt", 100L * 1024 * 1024);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                Thread.onSpinWait();
            }
        });
        long started = System.nanoTime();
        given().contentType("application/zip").queryParam("name", "bench-bomb").body(bomb)
                .when().post("/api/v1/scans").then().statusCode(413);
        long millis = (System.nanoTime() - started) / 1_000_000;
        running.set(false);
        sampler.join();
        System.out.printf("BENCH bomb: %d bytes compressed, refused in %d ms, heap baseline %d MB, peak %d MB, extra %d MB%n",
                bomb.length, millis, baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20);
    }

    private static void report(String format, String contentType, byte[] archive, long uncompressed) {
        for (int i = 0; i < 5; i++) {
            post(contentType, archive, "bench-warm-" + format);
        }
        int runs = 10;
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            post(contentType, archive, "bench-" + format + "-" + i);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH %s: %d bytes compressed, %d uncompressed, %d uploads in %.2f s: %.0f ms each, %.1f MB/s uncompressed%n",
                format, archive.length, uncompressed, runs, seconds, seconds * 1000 / runs, uncompressed * runs / seconds / 1e6);
    }

    private static void post(String contentType, byte[] archive, String name) {
        given().contentType(contentType).queryParam("name", name).body(archive)
                .when().post("/api/v1/scans").then().statusCode(202);
    }
}
