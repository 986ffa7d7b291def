package dev.conclave.llm.providers;

import dev.conclave.llm.ModelCallException;
import dev.conclave.llm.ModelProvider;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.offline.OfflineProvider;
import dev.conclave.llm.openai.ClientSettings;
import dev.conclave.llm.openai.OpenAiCompatibleClient;
import dev.conclave.llm.prompt.TokenCounter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The providers of {@code conclave.llm.providers}, built once from configuration: kind
 * {@code openai} becomes an {@link OpenAiProvider} over one shared {@link HttpClient}, kind
 * {@code offline} an {@link OfflineProvider}. Configuration errors are reported by
 * {@link dev.conclave.llm.config.LlmConfigValidator} before any call is made.
 */
@ApplicationScoped
public class ProviderRegistry {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, ModelProvider> providers = new LinkedHashMap<>();

    public ProviderRegistry(LlmConfig config, TokenCounter tokens) {
        HttpClient http = OpenAiCompatibleClient.newHttpClient(CONNECT_TIMEOUT);
        config.providers().forEach((name, provider) -> {
            switch (provider.kind()) {
                case "offline" -> providers.put(name, new OfflineProvider(name, config.offline().latency(), tokens));
                case "openai" -> provider.baseUrl().ifPresent(baseUrl -> providers.put(name,
                        new OpenAiProvider(new OpenAiCompatibleClient(settings(name, provider, baseUrl), http),
                                provider.jsonSchema(), provider.includeUsage())));
                default -> {
                    // LlmConfigValidator refuses to start with an unknown kind.
                }
            }
        });
    }

    /** The provider of a model; throws a {@code configuration} failure naming what to set. */
    public ModelProvider forModel(ModelRef model) {
        ModelProvider provider = providers.get(model.provider());
        if (provider == null) {
            throw new ModelCallException("configuration", "no provider named '" + model.provider() + "' for "
                    + model + " (configured: " + providers.keySet() + "); set conclave.llm.providers."
                    + model.provider() + ".base-url");
        }
        return provider;
    }

    private static ClientSettings settings(String name, LlmConfig.ProviderConfig provider, URI baseUrl) {
        String keySetting = provider.apiKeyEnv().orElse("conclave.llm.providers." + name + ".api-key");
        return new ClientSettings(name, baseUrl, provider.apiKey().orElse(""), keySetting, provider.headers(),
                provider.timeout());
    }
}
