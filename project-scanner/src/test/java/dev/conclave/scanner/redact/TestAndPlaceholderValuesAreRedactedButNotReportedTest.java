package dev.conclave.scanner.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a well-known library's repository is full of (test URLs with user:pass, "Bearer XXX", template
 * variables, TLS fixtures, documentation): every value is still redacted, none is reported as real.
 */
class TestAndPlaceholderValuesAreRedactedButNotReportedTest {

    private final SecretRedactor redactor = new SecretRedactor();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tests/test_utils.py      | ("http://user:pass@complex.url.com/path?query=yes", ("user", "pass")),          | url_password | EXAMPLE
            tests/test_utils.py      | ("hTTp://u:p@Some.Host/path", "http://some.host.proxy", http_proxies),        | url_password | EXAMPLE
            src/client/proxy.py      | url = f"http://{ENCODED_USER}:{ENCODED_PASSWORD}@request.com/url.html"        | url_password | EXAMPLE
            src/client/auth.py       | header = "Bearer EXAMPLE_token_0000000000"                                    | bearer_token | EXAMPLE
            tests/test_requests.py   | assert p.headers["Authorization"] == "Basic xa9zZXJuYW1lOnRlc3TGtg=="         | bearer_token | TEST_FIXTURE
            config/settings.yml      | password: changeme                                                            | secret_assignment | EXAMPLE
            config/app.env           | DATABASE_PASSWORD=prod-${DB_SUFFIX}                                           | secret_assignment | EXAMPLE
            docs/user/advanced.rst   | $ export HTTPS_PROXY="http://user:pa55w0rd-Rs81@10.10.1.10:1080"             | url_password | EXAMPLE
            README.md                | client = Client(api_key="sk-proj-Q2n8vLw0aZ7eR4tY6uI1oP3sD5fG9hJ")          | openai_api_key | EXAMPLE
            app/aws.py               | AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"                                    | aws_access_key | EXAMPLE
            spec/fixtures/keys.json  | {"token": "glpat-Xr8sK2mQ9vLz4TnW7yBc"}                                       | gitlab_token | TEST_FIXTURE
            compose.yml              | DATABASE_URL: postgresql://postgres:${POSTGRES_PASSWORD:?Variable not set}@db/app | secret_assignment | EXAMPLE
            docker-compose.yml       | - POSTGRES_PASSWORD=petclinic                                                 | secret_assignment | EXAMPLE
            .env                     | SECRET_KEY=changethis                                                         | secret_assignment | EXAMPLE
            package.json             | "pbkdf2-password": "1.2.1",                                                   | secret_assignment | EXAMPLE
            config/app.ini           | foreign_key_id = vh987tyw9ehy8ghis7vwyhiwbwitefy7w3ASDGYDGUASDG               | high_entropy_string | EXAMPLE
            src/models.py            | userId = "Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznBq7Wc"                                 | high_entropy_string | EXAMPLE
            app/settings.py          | VERY_SECRET_TOO = 'f6CGV4aMM9zedoh3OUNbSakBymo7yplB'  # pragma: allowlist secret | high_entropy_string | MARKED_FALSE_POSITIVE
            deploy/slack.env         | SLACK_TOKEN=xoxb-263594206564-FGqddMF8t08v8N7Oq4i57vs1 # gitleaks:allow         | slack_token | MARKED_FALSE_POSITIVE
            config/firebase.yml      | apiKey: "AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"                              | gcp_api_key | EXAMPLE
            """)
    void isRedactedAndClassedAsNotReal(String path, String line, String rule, SecretClass expected) {
        Redacted redacted = redactor.redact(path, line + "\n");

        assertTrue(redacted.text().contains("[REDACTED:" + rule + "]"), () -> "still redacted: " + redacted.text());
        SecretFinding finding = redacted.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
        assertEquals(expected, finding.secretClass(), finding::reason);
        assertEquals(1, finding.line());
        assertFalse(finding.reason().isBlank());
    }

    @Test
    void aNullInJsonIsNoValueAtAll() {
        String json = "{\n  \"password\": null,\n  \"token\": true,\n  \"secret\": \"${SECRET}\"\n}\n";

        assertEquals(json, redactor.redact("tests/fixtures/session.json", json).text());
    }

    @Test
    void aRouteThatLooksRandomIsNotRedacted() {
        String line = "url: '/api/v1/password-recovery-html-content/{email}',\n";

        assertEquals(line, redactor.redact("frontend/src/client/sdk.gen.ts", line).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tests/certs/expired/server/server.key
            test/fixtures/tls/client.pem
            src/test/resources/keystore/private.pem
            """)
    void aPrivateKeyUnderATestFolderIsATestFixture(String path) {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + new FakeSecrets().pemBody(5) + "-----END PRIVATE KEY-----\n";

        SecretFinding finding = redactor.redact(path, pem).findings().get(0);

        assertEquals(SecretClass.TEST_FIXTURE, finding.secretClass());
        assertTrue(finding.reason().startsWith("under a test folder"), finding::reason);
    }
}
