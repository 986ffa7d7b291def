package dev.conclave.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After in both its forms, and the reset headers OpenRouter and OpenAI send. */
class RateLimitHeadersAreParsedTest {
    private static final Instant NOW = Instant.parse("2025-03-07T12:00:00Z");

    @Test
    void retryAfterInSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RateLimitHints.parseRetryAfter("30", NOW));
        assertEquals(Optional.of(Duration.ofMillis(1500)), RateLimitHints.parseRetryAfter(" 1.5 ", NOW));
    }

    @Test
    void retryAfterAsHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RateLimitHints.parseRetryAfter("Fri, 07 Mar 2025 12:01:30 GMT", NOW));
    }

    @Test
    void retryAfterInThePastWaitsNothingAndGarbageIsIgnored() {
        assertEquals(Optional.of(Duration.ZERO), RateLimitHints.parseRetryAfter("Fri, 07 Mar 2025 11:00:00 GMT", NOW));
        assertEquals(Optional.empty(), RateLimitHints.parseRetryAfter("soon", NOW));
    }

    @Test
    void resetAsEpochMillisecondsSecondsOrDuration() {
        assertEquals(Optional.of(Duration.ofMillis(2500)),
                RateLimitHints.parseReset(Long.toString(NOW.toEpochMilli() + 2500), NOW));
        assertEquals(Optional.of(Duration.ofSeconds(4)),
                RateLimitHints.parseReset(Long.toString(NOW.getEpochSecond() + 4), NOW));
        assertEquals(Optional.of(Duration.ofMinutes(6)), RateLimitHints.parseReset("6m0s", NOW));
        assertEquals(Optional.of(Duration.ofMillis(20)), RateLimitHints.parseReset("20ms", NOW));
        assertEquals(Optional.of(Duration.ofMillis(1500)), RateLimitHints.parseReset("1.5s", NOW));
        assertEquals(Optional.empty(), RateLimitHints.parseReset("tomorrow", NOW));
    }
}
