package dev.conclave.llm.ratelimit;

import dev.conclave.llm.ModelRef;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * What one take costs: acquire throughput of one bucket so wide that nothing waits, with N
 * concurrent callers on virtual threads, against the real Redis. Not run by default (surefire
 * includes only *Test); run it with
 * {@code ./conclave test -pl llm-client -am -Dtest=AcquireThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.threads=1,8,32 -Dbenchmark.seconds=3} to change the runs).
 */
@QuarkusTest
@TestProfile(LimitedProviders.class)
class AcquireThroughputBenchmark {
    @Inject
    RateLimiter limiter;

    @Test
    void acquireThroughputOfOneBucket() throws Exception {
        Duration run = Duration.ofSeconds(Long.getLong("benchmark.seconds", 3));
        ModelRef model = new ModelRef(LimitedProviders.WIDE, LimitedProviders.unique("bench"));
        for (int i = 0; i < 2_000; i++) { // warm up: JIT, connection pool, script cache
            limiter.acquire(model, 0);
        }
        for (int threads : Arrays.stream(System.getProperty("benchmark.threads", "1,8,32").split(","))
                .mapToInt(Integer::parseInt).toArray()) {
            LongAdder done = new LongAdder();
            long started = System.nanoTime();
            long deadline = started + run.toNanos();
            try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < threads; i++) {
                    callers.submit(() -> {
                        while (System.nanoTime() < deadline) {
                            if (limiter.acquire(model, 0).mode() != LimitMode.FLEET) {
                                throw new AssertionError("the benchmark fell back to the local share: Redis did not keep up");
                            }
                            done.increment();
                        }
                        return null;
                    });
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("benchmark: %d threads, %d acquires in %.1f s = %.0f acquires/s (%.2f ms each per thread)%n",
                    threads, done.sum(), seconds, done.sum() / seconds, threads * seconds * 1000 / done.sum());
        }
    }
}
