package dev.conclave.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.conclave.llm.openai.OpenRouterFixture.KEY;
import static dev.conclave.llm.openai.OpenRouterFixture.MODEL;
import static dev.conclave.llm.openai.OpenRouterFixture.PATH;
import static dev.conclave.llm.openai.OpenRouterFixture.completion;
import static dev.conclave.llm.openai.OpenRouterFixture.lastRequestBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.llm.structured.RoleSchema;
import dev.conclave.llm.structured.RoleSchemas;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes over the wire: the key, OpenRouter's attribution headers, the model's parameters and the schema. */
class RequestCarriesKeyHeadersAndParametersTest extends AgainstOpenRouter {
    private final OpenAiCompatibleClient client = client(Duration.ofSeconds(5));

    @BeforeEach
    void answerEverything() {
        openRouter.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(completion())));
    }

    @Test
    void bearerKeyAndOpenRouterAttributionHeadersAreSent() {
        client.complete(OpenRouterFixture.request());

        openRouter.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("HTTP-Referer", equalTo("https://conclave.dev"))
                .withHeader("X-Title", equalTo("Conclave"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void modelMessagesTemperatureMaxTokensAndUsageAreSent() throws Exception {
        client.complete(ChatRequest.of(MODEL, "You are the architect.", "Assess this project.")
                .withTemperature(0.2).withMaxTokens(1500).withUsage());

        JsonNode body = lastRequestBody(openRouter);
        assertEquals(MODEL, body.path("model").asText());
        assertEquals("system", body.path("messages").path(0).path("role").asText());
        assertEquals("You are the architect.", body.path("messages").path(0).path("content").asText());
        assertEquals("user", body.path("messages").path(1).path("role").asText());
        assertEquals("Assess this project.", body.path("messages").path(1).path("content").asText());
        assertEquals(0.2, body.path("temperature").asDouble());
        assertEquals(1500, body.path("max_tokens").asInt());
        assertTrue(body.path("usage").path("include").asBoolean());
        assertFalse(body.has("response_format"), "free text was asked for");
    }

    @Test
    void responseFormatCarriesTheRoleSchemaInStrictMode() throws Exception {
        RoleSchema architect = new RoleSchemas().forRole("architect");

        client.complete(OpenRouterFixture.request().withResponseSchema(architect.name(), architect.schema()));

        JsonNode format = lastRequestBody(openRouter).path("response_format");
        assertEquals("json_schema", format.path("type").asText());
        assertEquals("architect_analysis", format.path("json_schema").path("name").asText());
        assertTrue(format.path("json_schema").path("strict").asBoolean());
        assertEquals(architect.schema(), format.path("json_schema").path("schema"));
    }

    @Test
    void noSystemMessageOrOptionalParametersWhenNoneAreGiven() throws Exception {
        client.complete(ChatRequest.of(MODEL, "", "Assess this project."));

        JsonNode body = lastRequestBody(openRouter);
        assertEquals(1, body.path("messages").size());
        for (String absentField : new String[] {"temperature", "max_tokens", "usage", "response_format"}) {
            assertFalse(body.has(absentField), absentField + " should be left to the provider");
        }
    }

    @Test
    void noAuthorizationHeaderWhenNoKeyIsConfigured() {
        ClientSettings local = new ClientSettings("local", URI.create(openRouter.baseUrl() + "/api/v1"), "",
                "LOCAL_API_KEY", Map.of(), Duration.ofSeconds(5));

        new OpenAiCompatibleClient(local, http).complete(OpenRouterFixture.request());

        openRouter.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", absent()));
    }

    @Test
    void settingsNeverPrintTheKey() {
        String printed = client.settings().toString();

        assertFalse(printed.contains(KEY), printed);
        assertTrue(printed.contains("OPENROUTER_API_KEY"), printed);
    }
}
