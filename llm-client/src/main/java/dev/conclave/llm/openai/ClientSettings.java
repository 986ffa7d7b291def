package dev.conclave.llm.openai;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach one OpenAI-compatible provider.
 *
 * @param provider      the provider's name in {@code provider/model} references, used in error messages
 * @param baseUrl       e.g. {@code https://openrouter.ai/api/v1}; {@code /chat/completions} is appended
 * @param apiKey        sent as {@code Authorization: Bearer …}; blank sends no such header (local servers)
 * @param apiKeySetting where the key comes from ({@code OPENROUTER_API_KEY}), so an error can say what to fix
 * @param headers       sent with every request, e.g. OpenRouter's {@code HTTP-Referer} and {@code X-Title}
 * @param timeout       per request, unless the request sets its own
 */
public record ClientSettings(String provider, URI baseUrl, String apiKey, String apiKeySetting,
        Map<String, String> headers, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final URI OPENROUTER = URI.create("https://openrouter.ai/api/v1");

    public ClientSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = apiKey == null ? "" : apiKey.strip();
        apiKeySetting = apiKeySetting == null ? "the provider's API key setting" : apiKeySetting;
        headers = Map.copyOf(headers);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (headers.keySet().stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals("authorization"))) {
            throw new IllegalArgumentException("headers must not set Authorization; the key goes in apiKey");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
    }

    /**
     * OpenRouter, which wants the calling application named: {@code HTTP-Referer} (its URL) and
     * {@code X-Title} (its name) put the calls under that application in OpenRouter's statistics.
     */
    public static ClientSettings openRouter(String apiKey, String referer, String title) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (referer != null && !referer.isBlank()) {
            headers.put("HTTP-Referer", referer);
        }
        if (title != null && !title.isBlank()) {
            headers.put("X-Title", title);
        }
        return new ClientSettings("openrouter", OPENROUTER, apiKey, "OPENROUTER_API_KEY", headers, DEFAULT_TIMEOUT);
    }

    public ClientSettings withBaseUrl(URI value) {
        return new ClientSettings(provider, value, apiKey, apiKeySetting, headers, timeout);
    }

    public ClientSettings withTimeout(Duration value) {
        return new ClientSettings(provider, baseUrl, apiKey, apiKeySetting, headers, value);
    }

    /** Says whether a key is set, never the key: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "ClientSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey.isEmpty() ? "(none)" : "(set, from " + apiKeySetting + ")") + ", headers=" + headers
                + ", timeout=" + timeout + "]";
    }
}
