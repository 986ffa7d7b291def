package dev.conclave.llm.openai;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a response's headers say about when to try again: {@code Retry-After} (seconds or an HTTP
 * date) and the {@code x-ratelimit-reset*} headers (OpenRouter: epoch milliseconds; OpenAI: durations
 * such as {@code 6m0s}), kept raw as well so they can be recorded.
 *
 * @param retryAfter         {@code Retry-After} as a wait from the moment the response arrived; null if absent
 * @param earliestReset      the soonest of the {@code x-ratelimit-reset*} moments as a wait; null if none
 * @param rateLimitHeaders   every {@code x-ratelimit-*} header, names lower case
 */
public record RateLimitHints(Duration retryAfter, Duration earliestReset, Map<String, String> rateLimitHeaders) {
    public static final RateLimitHints NONE = new RateLimitHints(null, null, Map.of());

    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(\\.\\d+)?(h|ms|m|s|us|µs|ns))+");

    public RateLimitHints {
        rateLimitHeaders = Map.copyOf(rateLimitHeaders);
    }

    public static RateLimitHints from(HttpHeaders headers, Instant now) {
        Duration retryAfter = headers.firstValue("retry-after").flatMap(v -> parseRetryAfter(v, now)).orElse(null);
        Map<String, String> limits = new TreeMap<>();
        Duration earliest = null;
        for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith("x-ratelimit-") || header.getValue().isEmpty()) {
                continue;
            }
            String value = header.getValue().get(0);
            limits.put(name, value);
            if (name.startsWith("x-ratelimit-reset")) {
                Optional<Duration> reset = parseReset(value, now);
                if (reset.isPresent() && (earliest == null || reset.get().compareTo(earliest) < 0)) {
                    earliest = reset.get();
                }
            }
        }
        return new RateLimitHints(retryAfter, earliest, limits);
    }

    /** {@code Retry-After: 30} or {@code Retry-After: Wed, 21 Oct 2015 07:28:00 GMT}; a past date waits zero. */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String text = value.trim();
        if (SECONDS.matcher(text).matches()) {
            return Optional.of(seconds(text));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(notNegative(Duration.between(now, at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A reset header: a plain number is an epoch time in milliseconds or seconds when it is that large,
     * else a number of seconds; otherwise a Go-style duration ({@code 1s}, {@code 6m0s}, {@code 20ms}).
     */
    public static Optional<Duration> parseReset(String value, Instant now) {
        String text = value.trim();
        if (SECONDS.matcher(text).matches()) {
            double number = Double.parseDouble(text);
            if (number > 1e11) {
                return Optional.of(notNegative(Duration.between(now, Instant.ofEpochMilli((long) number))));
            }
            if (number > 1e9) {
                return Optional.of(notNegative(Duration.between(now, Instant.ofEpochSecond((long) number))));
            }
            return Optional.of(seconds(text));
        }
        if (!GO_DURATION.matcher(text).matches()) {
            return Optional.empty();
        }
        double nanos = 0;
        Matcher part = GO_DURATION_PART.matcher(text);
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            nanos += amount * switch (part.group(2)) {
                case "h" -> 3_600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                case "ms" -> 1e6;
                case "us", "µs" -> 1e3;
                default -> 1;
            };
        }
        return Optional.of(Duration.ofNanos((long) nanos));
    }

    private static Duration seconds(String text) {
        return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
    }

    private static Duration notNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
