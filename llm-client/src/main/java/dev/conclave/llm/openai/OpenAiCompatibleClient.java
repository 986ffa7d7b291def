package dev.conclave.llm.openai;

import static dev.conclave.llm.openai.FailureClass.FATAL;
import static dev.conclave.llm.openai.FailureClass.NEXT_MODEL;
import static dev.conclave.llm.openai.FailureClass.RETRYABLE;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.WireJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * One call to {@code <baseUrl>/chat/completions} of an OpenAI-compatible provider (OpenRouter,
 * OpenAI, vLLM, Ollama…), measured (time to first byte, latency) and classified: it returns a
 * usable {@link ChatCompletion} or throws a {@link CallFailure} saying whether to retry, move to the
 * next model or stop. No retries here; {@link RetryingCaller} does those.
 *
 * <p>A 200 is not yet a success: OpenRouter reports upstream errors inside a 200 body, and an answer
 * cut off at {@code max_tokens} is of no use for a JSON document.
 */
public final class OpenAiCompatibleClient {
    private static final int MESSAGE_LIMIT = 300;
    /** Header values this long or longer are hidden in messages; shorter ones (a version, "true") say nothing. */
    private static final int MIN_HEADER_SECRET = 8;
    /** Shortest run of the provider's words taken to be an echo of the prompt, not a chance match. */
    private static final int ECHO_WINDOW = 20;
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+");
    private static final Pattern CREDENTIAL_IN_TEXT = Pattern.compile(
            "(?i)\\b(bearer|basic|api[_-]?key[\"']?\\s*[:=]|authorization[\"']?\\s*[:=]|x-api-key[\"']?\\s*[:=])\\s*[\"']?[A-Za-z0-9._~+/=-]{6,}[\"']?");

    private final ClientSettings settings;
    private final HttpClient http;
    private final URI endpoint;
    private final ObjectMapper mapper = WireJson.mapper();
    // usage.cost exactly as sent: a double keeps only about 17 significant digits.
    private final ObjectReader reader = WireJson.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** {@code http} is shared and owned by the caller (one per application is enough). */
    public OpenAiCompatibleClient(ClientSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        String base = settings.baseUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/chat/completions");
    }

    /** An HTTP client suited to model calls: HTTP/2 where the server offers it, no redirects followed. */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Sends the request and waits for the answer, at most the request's (or the settings') timeout. */
    public ChatCompletion complete(ChatRequest request) {
        Duration timeout = request.timeout() != null ? request.timeout() : settings.timeout();
        HttpRequest httpRequest = httpRequest(request, timeout);
        FirstByteClock clock = new FirstByteClock();
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(httpRequest, clock);
        HttpResponse<String> response;
        try {
            // The request's own timeout stops at the headers; this one also covers a body that trickles in.
            response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut(request, timeout, clock, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new CallFailure(FATAL, "interrupted", "the call to " + describe(request) + " was interrupted",
                    null, null, null, null, clock.latencyMs(), e);
        } catch (ExecutionException e) {
            throw transportFailure(request, timeout, clock, e.getCause());
        }
        return interpret(request, response, clock.ttfbMs(), clock.latencyMs());
    }

    private HttpRequest httpRequest(ChatRequest request, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.encode(body(request))));
        if (!settings.apiKey().isEmpty()) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        settings.headers().forEach(builder::header);
        return builder.build();
    }

    private ObjectNode body(ChatRequest request) {
        ObjectNode body = mapper.createObjectNode().put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isBlank()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        messages.addObject().put("role", "user").put("content", request.user());
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            body.put("max_tokens", request.maxTokens());
        }
        if (request.responseSchema() != null) {
            ObjectNode jsonSchema = body.putObject("response_format").put("type", "json_schema")
                    .putObject("json_schema");
            jsonSchema.put("name", request.responseSchema().name()).put("strict", true);
            jsonSchema.set("schema", request.responseSchema().schema());
        }
        if (request.includeUsage()) {
            body.putObject("usage").put("include", true);
        }
        return body;
    }

    private ChatCompletion interpret(ChatRequest request, HttpResponse<String> response, long ttfbMs,
            long latencyMs) {
        int status = response.statusCode();
        RateLimitHints hints = RateLimitHints.from(response.headers(), Instant.now());
        JsonNode body = parse(response.body());
        if (status < 200 || status > 299) {
            throw new CallFailure(FailureClass.ofHttpStatus(status), "http_" + status,
                    httpMessage(request, status, withoutPrompt(providerMessage(body, response.body()), request)), status, hints, null,
                    ttfbMs, latencyMs, null);
        }
        if (body == null || !body.isObject()) {
            throw new CallFailure(NEXT_MODEL, "malformed_response", settings.provider() + " answered "
                    + describe(request) + " with a body that is not a JSON object: " + snippet(response.body()),
                    status, hints, null, ttfbMs, latencyMs, null);
        }
        JsonNode error = body.path("error");
        if (error.isObject() || error.isTextual()) {
            throw errorInBody(request, error, status, hints, ttfbMs, latencyMs);
        }
        JsonNode choice = body.path("choices").path(0);
        if (!choice.isObject()) {
            throw new CallFailure(NEXT_MODEL, "malformed_response", settings.provider() + " answered "
                    + describe(request) + " without choices: " + snippet(response.body()), status, hints, null,
                    ttfbMs, latencyMs, null);
        }
        if (choice.path("error").isObject()) {
            throw errorInBody(request, choice.path("error"), status, hints, ttfbMs, latencyMs);
        }
        ChatCompletion completion = completion(request, body, choice, status, ttfbMs, latencyMs);
        String unusable = switch (String.valueOf(completion.finishReason())) {
            case "length" -> "truncated";
            case "error" -> "finish_error";
            case "content_filter" -> "content_filter";
            default -> choice.path("message").path("refusal").isTextual() ? "refused"
                    : completion.content().isBlank() ? "empty_answer" : null;
        };
        if (unusable != null) {
            throw unusableAnswer(request, unusable, completion, choice, hints);
        }
        return completion;
    }

    private ChatCompletion completion(ChatRequest request, JsonNode body, JsonNode choice, int status, long ttfbMs,
            long latencyMs) {
        JsonNode usage = body.path("usage");
        JsonNode cost = usage.path("cost");
        return new ChatCompletion(
                content(choice.path("message").path("content")),
                choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : null,
                body.path("model").isTextual() ? body.path("model").asText() : request.model(),
                usage.path("prompt_tokens").asInt(0),
                usage.path("completion_tokens").asInt(0),
                cost.isNumber() ? cost.decimalValue() : null,
                body.path("id").isTextual() ? body.path("id").asText() : null,
                status, ttfbMs, latencyMs);
    }

    /** The message's text; some providers send content as a list of typed parts. */
    private static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.path("text").asText(""));
        }
        return text.toString();
    }

    private CallFailure unusableAnswer(ChatRequest request, String reason, ChatCompletion completion,
            JsonNode choice, RateLimitHints hints) {
        FailureClass failureClass = reason.equals("finish_error") ? RETRYABLE : NEXT_MODEL;
        String message = switch (reason) {
            case "truncated" -> describe(request) + " stopped at the token limit (" + completion.completionTokens()
                    + " tokens) before finishing its answer; raise max_tokens for this role or use a model"
                    + " that answers more briefly";
            case "finish_error" -> describe(request) + " failed while generating (finish_reason \"error\")";
            case "content_filter" -> describe(request) + " withheld its answer (content filter)";
            case "refused" -> describe(request) + " refused to answer: "
                    + withoutPrompt(clean(choice.path("message").path("refusal").asText()), request);
            default -> describe(request) + " answered with empty content (finish_reason \""
                    + completion.finishReason() + "\")";
        };
        return new CallFailure(failureClass, reason, message, completion.httpStatus(), hints, completion,
                completion.ttfbMs(), completion.latencyMs(), null);
    }

    /** OpenRouter's way of reporting an upstream failure: {@code {"error": {"code": 502, "message": …}}} in a 200. */
    private CallFailure errorInBody(ChatRequest request, JsonNode error, int status, RateLimitHints hints,
            long ttfbMs, long latencyMs) {
        JsonNode code = error.path("code");
        Integer numericCode = code.canConvertToInt() ? Integer.valueOf(code.asInt())
                : code.isTextual() && code.asText().matches("\\d{3}") ? Integer.valueOf(code.asText()) : null;
        FailureClass failureClass = numericCode == null ? RETRYABLE : FailureClass.ofHttpStatus(numericCode);
        String message = error.isTextual() ? error.asText() : error.path("message").asText("no message");
        return new CallFailure(failureClass, "error_in_body" + (numericCode == null ? "" : "_" + numericCode),
                settings.provider() + " reported an error for " + describe(request)
                        + (numericCode == null ? "" : " (code " + numericCode + ")") + ": "
                        + withoutPrompt(clean(message), request),
                status, hints, null, ttfbMs, latencyMs, null);
    }

    private String httpMessage(ChatRequest request, int status, String providerSaid) {
        String provider = settings.provider();
        String detail = providerSaid.isEmpty() ? "" : " (" + provider + " said: " + providerSaid + ")";
        return switch (status) {
            case 401 -> provider + " refused the API key (401): check " + settings.apiKeySetting() + detail;
            case 403 -> provider + " refused " + describe(request) + " (403): the key in " + settings.apiKeySetting()
                    + " may not use this model, or the prompt was moderated" + detail;
            case 400 -> provider + " rejected the request for " + describe(request) + " as invalid (400)" + detail;
            case 402 -> provider + " needs credits to run " + describe(request) + " (402): add credits or put a"
                    + " free model in the role's chain" + detail;
            // The base URL is named by its setting, not shown: errors reach API clients, and a URL may carry a key.
            case 404 -> provider + " does not know " + describe(request) + " (404): check the model name in the"
                    + " role's chain and the provider's base URL (conclave.llm.providers." + provider + ".base-url)"
                    + detail;
            case 429 -> provider + " is rate limiting " + describe(request) + " (429)" + detail;
            default -> provider + " answered " + describe(request) + " with HTTP " + status + detail;
        };
    }

    private CallFailure timedOut(ChatRequest request, Duration timeout, FirstByteClock clock, Throwable cause) {
        return new CallFailure(RETRYABLE, "timeout", describe(request) + " did not answer within "
                + timeout.toMillis() + " ms", null, null, null, clock.ttfbOrNull(), clock.latencyMs(), cause);
    }

    private CallFailure transportFailure(ChatRequest request, Duration timeout, FirstByteClock clock,
            Throwable cause) {
        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
            return timedOut(request, timeout, clock, cause);
        }
        String errorClass = cause instanceof HttpConnectTimeoutException ? "connect_timeout"
                : cause instanceof ConnectException ? "connection_refused"
                : cause instanceof IOException ? "connection_error"
                : "client_error";
        // Anything but an I/O problem is a bug on our side (a bad header, say): retrying cannot help.
        FailureClass failureClass = cause instanceof IOException ? RETRYABLE : FATAL;
        // The provider is named, not its address: this message reaches API clients; the setting says where to look.
        return new CallFailure(failureClass, errorClass, "calling " + describe(request) + " at " + settings.provider()
                + " failed: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
                        : " " + clean(cause.getMessage())) + " (conclave.llm.providers." + settings.provider()
                + ".base-url)", null, null, null, clock.ttfbOrNull(), clock.latencyMs(), cause);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return reader.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private String providerMessage(JsonNode body, String raw) {
        if (body == null) {
            return raw == null || raw.isBlank() ? "" : snippet(raw);
        }
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return clean(error.asText());
        }
        if (error.path("message").isTextual()) {
            return clean(error.path("message").asText());
        }
        return snippet(raw);
    }

    private String describe(ChatRequest request) {
        return settings.provider() + "/" + request.model();
    }

    private String snippet(String raw) {
        return clean(raw == null ? "" : raw.strip());
    }

    /**
     * The provider's words without any of the prompt they may quote back (a moderation or validation error
     * often does): every run of {@value #ECHO_WINDOW} or more characters that is also in the prompt becomes
     * {@code [prompt text]}. The prompt is the project's text; it must not reach logs or API clients.
     */
    private static String withoutPrompt(String said, ChatRequest request) {
        if (said.length() < ECHO_WINDOW) {
            return said;
        }
        String prompt = (request.system() + " " + request.user()).replaceAll("\\s+", " ");
        boolean[] echoed = new boolean[said.length()];
        boolean any = false;
        for (int i = 0; i + ECHO_WINDOW <= said.length(); i++) {
            if (prompt.contains(said.substring(i, i + ECHO_WINDOW))) {
                Arrays.fill(echoed, i, i + ECHO_WINDOW, true);
                any = true;
            }
        }
        if (!any) {
            return said;
        }
        StringBuilder out = new StringBuilder(said.length());
        for (int i = 0; i < said.length(); i++) {
            if (!echoed[i]) {
                out.append(said.charAt(i));
            } else if (i == 0 || !echoed[i - 1]) {
                out.append("[prompt text]");
            }
        }
        return out.toString();
    }

    /**
     * Shortened, on one line, and without the key, the configured headers' values, URLs or credentials:
     * provider and transport messages sometimes echo what was sent or where, and these messages reach
     * role results, reports and API clients.
     */
    private String clean(String text) {
        String cleaned = text.replaceAll("\\s+", " ");
        if (!settings.apiKey().isEmpty()) {
            cleaned = cleaned.replace(settings.apiKey(), "***");
        }
        for (String value : settings.headers().values()) {
            if (value != null && value.length() >= MIN_HEADER_SECRET) {
                cleaned = cleaned.replace(value, "***");
            }
        }
        cleaned = URL_IN_TEXT.matcher(cleaned).replaceAll("[url]");
        cleaned = CREDENTIAL_IN_TEXT.matcher(cleaned).replaceAll("$1 ***");
        return cleaned.length() <= MESSAGE_LIMIT ? cleaned : cleaned.substring(0, MESSAGE_LIMIT) + "…";
    }

    /**
     * A body handler that notes when the response's headers arrive (the first bytes of the
     * response; the body of a non-streaming completion follows at once) and measures from the send.
     */
    private static final class FirstByteClock implements HttpResponse.BodyHandler<String> {
        private final long sentAt = System.nanoTime();
        private volatile long ttfbNanos = -1;

        @Override
        public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
            ttfbNanos = System.nanoTime() - sentAt;
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        }

        long ttfbMs() {
            long nanos = ttfbNanos;
            return nanos < 0 ? latencyMs() : TimeUnit.NANOSECONDS.toMillis(nanos);
        }

        /** Null when no response arrived at all. */
        Long ttfbOrNull() {
            return ttfbNanos < 0 ? null : ttfbMs();
        }

        long latencyMs() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
        }
    }
}
