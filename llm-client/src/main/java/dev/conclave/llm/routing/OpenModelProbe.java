package dev.conclave.llm.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.model.WireJson;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Looks for open models that are back, without spending tokens: every {@code routing.probe-interval},
 * for each OpenAI-compatible provider with an open model, one {@code GET <base-url>/models} with the
 * provider's key and headers. A 200 whose listing contains the model lets its trial call go now rather
 * than after {@code routing.open-for}; anything else leaves it open. A listing says the provider is up
 * and serves the model, not that the model answers well: that is what the trial call finds out.
 *
 * <p>Runs on the Quarkus scheduler's thread, blocking, one provider after another; a skipped run is
 * harmless (the open-for timer still lets the trial go). Neither the key nor a header value is logged.
 */
@ApplicationScoped
public class OpenModelProbe {
    private static final Logger LOG = Logger.getLogger(OpenModelProbe.class);
    private static final String OPENAI = "openai";

    private final LlmConfig config;
    private final ModelRouter router;
    private final Duration timeout;
    private final HttpClient http;

    public OpenModelProbe(LlmConfig config, ModelRouter router) {
        this.config = config;
        this.router = router;
        this.timeout = config.routing().probeTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(every = "${conclave.llm.routing.probe-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        probeOpenModels();
    }

    /** Probes each provider with an open model once; returns the models let through to a trial. */
    public List<ModelRef> probeOpenModels() {
        Map<String, List<ModelRef>> openByProvider = new LinkedHashMap<>();
        router.openCircuits().forEach((model, circuit) -> {
            if (circuit.state() == CircuitState.OPEN) {
                openByProvider.computeIfAbsent(model.provider(), provider -> new ArrayList<>()).add(model);
            }
        });
        List<ModelRef> listed = new ArrayList<>();
        openByProvider.forEach((provider, models) -> {
            LlmConfig.ProviderConfig settings = config.providers().get(provider);
            if (settings == null || !OPENAI.equals(settings.kind()) || settings.baseUrl().isEmpty()) {
                return;
            }
            Set<String> served = listing(provider, settings);
            for (ModelRef model : models) {
                if (served.contains(model.model())) {
                    router.listedByProvider(model);
                    listed.add(model);
                }
            }
        });
        return List.copyOf(listed);
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** The model ids the provider lists; empty when it cannot be asked or does not answer 200. */
    private Set<String> listing(String provider, LlmConfig.ProviderConfig settings) {
        String base = settings.baseUrl().orElseThrow().toString();
        URI models = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/models");
        HttpRequest.Builder request = HttpRequest.newBuilder(models).timeout(timeout)
                .header("Accept", "application/json").GET();
        settings.apiKey().filter(key -> !key.isBlank())
                .ifPresent(key -> request.header("Authorization", "Bearer " + key.strip()));
        settings.headers().forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debugf("probe of %s at %s: HTTP %d, its open models stay open", provider, models,
                        response.statusCode());
                return Set.of();
            }
            return ids(WireJson.mapper().readTree(response.body()));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("probe of %s at %s failed (%s), its open models stay open", provider, models,
                    e.getClass().getSimpleName());
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    /** {@code {"data": [{"id": "meta-llama/llama-3.3-70b-instruct"}, …]}}, as OpenAI and OpenRouter send it. */
    private static Set<String> ids(JsonNode listing) {
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : listing.path("data")) {
            if (entry.path("id").isTextual()) {
                ids.add(entry.path("id").asText());
            }
        }
        return ids;
    }
}
