package dev.conclave.scanner.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a project is full of and must reach the model unchanged: long identifiers, UUIDs, git SHAs,
 * checksums and lockfile integrity hashes, references to secrets held elsewhere, template dummies,
 * UI labels about passwords, and code that handles PEM text without holding a key.
 */
class OrdinaryCodeIsNotRedactedTest {

    private final SecretRedactor redactor = new SecretRedactor();

    private void assertUntouched(String path, String text) {
        Redacted redacted = redactor.redact(path, text);
        assertEquals(Map.of(), redacted.byType(), path + " redacted to:\n" + redacted.text());
        assertEquals(text, redacted.text());
    }

    @Test
    void javaWithLongIdentifiersUuidsAndShasIsLeftAlone() {
        assertUntouched("src/main/java/com/example/orders/OrderReconciliationService.java", """
                package com.example.orders;

                /** Reconciles orders; the fix landed in 3f2a9c1d4b5e6f708192a3b4c5d6e7f809a1b2c3. */
                final class OrderReconciliationService {
                    static final String TENANT_ID = "8c5e2b1a-4f3d-4e2a-9b1c-7d6e5f4a3b2c";
                    static final String BUILD_COMMIT = "3f2a9c1d4b5e6f708192a3b4c5d6e7f809a1b2c3";
                    static final String TOKEN_HEADER = "X-Auth-Token";
                    static final String PASSWORD = "password";
                    static final String CHECKSUM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
                    private final AbstractSingletonProxyFactoryBeanConfigurationPropertiesResolver resolverForOrders2024 = null;
                    private final String reconciliationStrategy = "handleOAuth2CallbackForExternalProviders";
                    private final Object polyfill = XMLHttpRequestEventTargetPolyfill2Config.INSTANCE;

                    String signIn(String username, String password) {
                        String token = tokenService.issueFor(username);
                        return "Bearer " + token;
                    }

                    static byte[] decode(String pem) {
                        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                                .replace("-----END PRIVATE KEY-----", "")
                                .replaceAll("\\\\s", "");
                        return java.util.Base64.getDecoder().decode(body);
                    }
                }
                """);
    }

    @Test
    void typescriptLabelsAndCamelCaseNamesAreLeftAlone() {
        assertUntouched("web/src/pages/SignIn.tsx", """
                const labels = {
                  password: "Enter your password",
                  token: "token",
                  apiKey: "API key",
                };
                export const useAuthenticationProviderConfigurationForOrganisations = () => ({
                  sessionStorageKeyForRefreshTokenRotation2024: "session.refresh",
                  correlationId: "c1a8f3e0-95b4-4c1f-8d2e-3b7a6f5e4d3c",
                });
                """);
    }

    @Test
    void configurationThatPointsAtSecretsIsLeftAlone() {
        assertUntouched("config/application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://db:5432/app
                    password: ${DB_PASSWORD}
                    hikari.maximum-pool-size: 10
                jwt:
                  secret: ${JWT_SECRET:}
                env:
                  - name: API_TOKEN
                    valueFrom:
                      secretKeyRef:
                        name: api-credentials
                        key: token
                """);
        assertUntouched(".github/workflows/ci.yml", """
                jobs:
                  build:
                    steps:
                      - uses: actions/checkout@692973e3d937129bcbf40652eb9f2f61becf3332
                      - run: ./mvnw -B verify
                        env:
                          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                          SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}
                """);
    }

    @Test
    void anEnvExampleOfDummiesAndLimitsIsLeftAlone() {
        assertUntouched(".env.example", """
                OPENAI_API_KEY=your-api-key-here
                STRIPE_SECRET_KEY=
                DB_PASSWORD=<password>
                SESSION_KEY=xxxxxxxx
                MAX_TOKENS=4096
                PASSWORD_MIN_LENGTH=12
                TOKEN_TTL_SECONDS=3600
                DEBUG=false
                """);
    }

    @Test
    void lockfileIntegrityHashesAndImageDigestsAreLeftAlone() {
        assertUntouched("package-lock.json", """
                {
                  "packages": {
                    "node_modules/lodash": {
                      "version": "4.17.21",
                      "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",
                      "integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg=="
                    }
                  }
                }
                """);
        assertUntouched("go.sum", """
                github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=
                github.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=
                """);
        assertUntouched("Dockerfile", """
                FROM eclipse-temurin:21-jre@sha256:4b9d2b3a5c8f1e0d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f
                ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
                """);
    }

    @Test
    void pythonWithDocstringsHashesAndAPublicKeyIsLeftAlone() {
        assertUntouched("app/crypto.py", """
                import hashlib

                EXPECTED_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                TOKEN_URL = "https://auth.example.com/oauth/token"
                PUBLIC_KEY = \"\"\"-----BEGIN PUBLIC KEY-----
                MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEp2n0q0a0qZq8r9l2c1v3x4b5n6m7
                -----END PUBLIC KEY-----\"\"\"

                def fingerprint(data: bytes) -> str:
                    \"\"\"Return the sha256 of data; the token is never logged.\"\"\"
                    return hashlib.sha256(data).hexdigest()
                """);
    }

    @Test
    void theEntropyRuleSparesIdentifiersAndPathsButCatchesRandomTokens() {
        FakeSecrets fake = new FakeSecrets();
        for (String ordinary : new String[] {
                "handleOAuth2CallbackForExternalProviders", "sessionStorageKeyForRefreshTokenRotation2024",
                "src/main/java/dev/conclave/scanner/redact2", "AbstractSingletonProxyFactoryBean2Configuration",
                "THIS_IS_A_RATHER_LONG_CONSTANT_NAME_V2", "getV2ApiResponseFromUpstreamProviderQ3",
                "useAuthenticationProviderConfigurationForOrganisations1"}) {
            assertTrue(!SecretValues.isHighEntropyToken(ordinary),
                    ordinary + " measures " + SecretValues.shannonBits(ordinary));
        }
        int caught = 0;
        for (int i = 0; i < 200; i++) {
            caught += SecretValues.isHighEntropyToken(fake.base64(40)) ? 1 : 0;
            assertTrue(SecretValues.isHighEntropyToken(fake.base64(64)));
        }
        assertTrue(caught >= 195, "caught only " + caught + " of 200 random 40-character tokens");
    }
}
