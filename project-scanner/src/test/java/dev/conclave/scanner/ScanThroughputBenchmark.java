package dev.conclave.scanner;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.conclave.model.ScanDigest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Scanner throughput (files/s, MB/s) and peak heap over a large directory, e.g. a local Maven
 * repository. Not a test: surefire's default includes do not match it, so it runs only when named,
 * with the directory as a system property (never a path in the source):
 *
 * <pre>
 * ./mvnw -q -B -pl project-scanner -am test -Dtest=ScanThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dconclave.benchmark.dir=$HOME/.m2/repository [-Dconclave.benchmark.runs=3]
 * </pre>
 *
 * Files and bytes are the digest's (admitted files: not skipped, not ignored, not binary); the walk
 * also visits, and skips, everything else. The first run warms the JIT and the page cache and is reported apart.
 */
class ScanThroughputBenchmark {

    @Test
    void scanALargeTree() throws Exception {
        String directory = System.getProperty("conclave.benchmark.dir");
        assumeTrue(directory != null && !directory.isBlank(),
                "set -Dconclave.benchmark.dir to the directory to scan, e.g. a local Maven repository");
        Path root = Path.of(directory);
        assumeTrue(Files.isDirectory(root), "conclave.benchmark.dir is not a directory: " + directory);
        int runs = Integer.getInteger("conclave.benchmark.runs", 3);
        ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long visited = countRegularFiles(root);
        System.out.printf(Locale.ROOT, "tree: %d regular files; max heap %d MB; %d processors%n", visited,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        for (int run = 0; run <= runs; run++) {
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 5, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            ScanDigest digest = scanner.scan(root, "benchmark");
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.shutdownNow();
            System.out.printf(Locale.ROOT,
                    "%s: %.2f s, %d files admitted (%.0f files/s admitted, %.0f files/s walked), %.1f MB admitted (%.1f MB/s),"
                            + " peak heap %d MB (%d MB above the %d MB before), languages %d, code quality %.1f%n",
                    run == 0 ? "warm-up" : "run " + run, seconds, digest.fileCount(), digest.fileCount() / seconds,
                    visited / seconds, digest.totalBytes() / 1e6, digest.totalBytes() / 1e6 / seconds,
                    peak.get() >> 20, (peak.get() - baseline) >> 20, baseline >> 20, digest.languages().size(),
                    digest.scores().codeQuality());
        }
    }

    private static long countRegularFiles(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            return paths.filter(path -> Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)).count();
        }
    }
}
