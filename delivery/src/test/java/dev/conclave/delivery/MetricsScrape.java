package dev.conclave.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * One read of a service's {@code /q/metrics} (Prometheus text format), as a scraper sees it, for the
 * services' tests: the sum of a metric's samples whose labels include the given ones.
 */
public final class MetricsScrape {
    private final List<String> lines;

    private MetricsScrape(List<String> lines) {
        this.lines = lines;
    }

    /** Reads {@code metrics} over HTTP, with {@code bearerKey} when it is not null; fails unless the answer is 200. */
    public static MetricsScrape of(URI metrics, String bearerKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(metrics).GET();
        if (bearerKey != null) {
            request.header("Authorization", "Bearer " + bearerKey);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("GET " + metrics + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return new MetricsScrape(answer.body().lines().filter(line -> !line.startsWith("#")).toList());
        }
    }

    /**
     * The sum of the samples of {@code name} carrying every one of {@code labels} ({@code role="architect"});
     * -1 when there is none, so that an absent series never passes for a zero.
     */
    public double sum(String name, String... labels) {
        List<String> samples = samples(name, labels);
        return samples.isEmpty() ? -1 : samples.stream()
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** How far the sum of {@code name}'s samples with {@code labels} moved since {@code before} (absent then: from 0). */
    public double since(MetricsScrape before, String name, String... labels) {
        return sum(name, labels) - Math.max(0, before.sum(name, labels));
    }

    /** The sample lines of {@code name} carrying every one of {@code labels}. */
    public List<String> samples(String name, String... labels) {
        return lines.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> line.contains(label)))
                .toList();
    }
}
