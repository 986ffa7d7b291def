package dev.conclave.scanner.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * A corpus of made-up secrets planted across files of the kinds where projects leak them. Used by the
 * redactor's tests here and, through this module's test jar, by the system test that checks no secret
 * reaches a model provider. Random per instance: no value is a real credential.
 */
public final class SecretCorpus {
    /** One secret planted in a file, under the type the redactor must count it as. */
    public record Planted(String type, String value) {
    }

    /** A file of the corpus, its planted secrets, and fragments around them that must survive redaction. */
    public record CorpusFile(String path, String text, List<Planted> secrets, List<String> kept) {
    }

    private final FakeSecrets fake = new FakeSecrets();

    /** Builds a file from a template whose {} holes are filled with planted secrets, in order. */
    private final class FileBuilder {
        private final String path;
        private final List<Planted> secrets = new ArrayList<>();
        private final List<String> kept = new ArrayList<>();

        FileBuilder(String path) {
            this.path = path;
        }

        String plant(String type, String value) {
            secrets.add(new Planted(type, value));
            return value;
        }

        FileBuilder keeps(String... fragments) {
            kept.addAll(List.of(fragments));
            return this;
        }

        CorpusFile text(String text) {
            return new CorpusFile(path, text, List.copyOf(secrets), List.copyOf(kept));
        }
    }

    /** Made-up secrets of every supported format in the kinds of file where projects leak them (41 in 12 files). */
    public List<CorpusFile> files() {
        List<CorpusFile> files = new ArrayList<>();

        FileBuilder env = new FileBuilder(".env").keeps("PORT=8080", "MAX_TOKENS=4096", "@db:5432/app", "LOG_LEVEL=info");
        files.add(env.text("""
                PORT=8080
                LOG_LEVEL=info
                MAX_TOKENS=4096
                OPENAI_API_KEY=%s
                OPENROUTER_API_KEY=%s
                ANTHROPIC_API_KEY=%s
                DATABASE_URL=postgres://app:%s@db:5432/app
                JWT_SECRET=%s
                STRIPE_SECRET_KEY=%s
                SESSION_KEY=%s
                ADMIN_PASSWORD="%s"
                """.formatted(
                env.plant("openai_api_key", "sk-proj-" + fake.base64url(48)),
                env.plant("openrouter_api_key", "sk-or-v1-" + fake.hex(64)),
                env.plant("anthropic_api_key", "sk-ant-api03-" + fake.base64url(93) + "AA"),
                env.plant("url_password", fake.password(16)),
                env.plant("secret_assignment", fake.password(32)),
                env.plant("stripe_key", "sk_live_" + fake.alnum(24)),
                env.plant("secret_assignment", fake.alnum(20)),
                env.plant("secret_assignment", fake.password(14)))));

        FileBuilder yaml = new FileBuilder("config/application.yml")
                .keeps("password: ${DB_PASSWORD}", "jdbc:postgresql://db:5432/app?user=app&password=", "cluster0.example.mongodb.net",
                        "https://hooks.slack.com/", "AccountName=acct;AccountKey=");
        files.add(yaml.text("""
                spring:
                  datasource:
                    url: jdbc:postgresql://db:5432/app?user=app&password=%s
                    username: app
                    password: %s
                  replica:
                    password: ${DB_PASSWORD}
                notifications:
                  slack: https://hooks.slack.com/services/%s
                archive:
                  uri: mongodb+srv://svc:%s@cluster0.example.mongodb.net/archive
                  blob: "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=%s;EndpointSuffix=core.windows.net"
                github:
                  token: %s
                """.formatted(
                yaml.plant("connection_string_password", fake.password(18)),
                yaml.plant("secret_assignment", fake.password(12)),
                yaml.plant("slack_webhook", "T" + fake.upperAlnum(8) + "/B" + fake.upperAlnum(10) + "/" + fake.alnum(24)),
                yaml.plant("url_password", fake.password(20)),
                yaml.plant("azure_storage_key", fake.base64(86) + "=="),
                yaml.plant("github_token", "ghp_" + fake.alnum(36)))));

        FileBuilder serviceAccount = new FileBuilder("deploy/gcp-service-account.json")
                .keeps("\"client_email\": \"scanner@example-project.iam.gserviceaccount.com\"", "\"type\": \"service_account\"");
        files.add(serviceAccount.text("""
                {
                  "type": "service_account",
                  "project_id": "example-project",
                  "private_key_id": "%s",
                  "private_key": "%s",
                  "client_email": "scanner@example-project.iam.gserviceaccount.com",
                  "client_id": "104838371230012345678"
                }
                """.formatted(
                serviceAccount.plant("gcp_service_account_key_id", fake.hex(40)),
                serviceAccount.plant("gcp_service_account_key", "-----BEGIN PRIVATE KEY-----\\n"
                        + fake.pemBody(6).replace("\n", "\\n") + "-----END PRIVATE KEY-----\\n"))));

        FileBuilder java = new FileBuilder("src/main/java/com/example/billing/Clients.java")
                .keeps("databaseName=app;user=sa;password=", "request.header(\"Authorization\", \"Bearer \" + token)");
        files.add(java.text("""
                package com.example.billing;

                final class Clients {
                    private static final String AWS_ACCESS_KEY_ID = "%s";
                    private static final String AWS_SECRET_ACCESS_KEY = "%s";
                    private final String mapsKey = "%s";
                    private final String serviceJwt = "%s";
                    private final String ledger = "jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=%s";

                    void sign(Request request, String token) {
                        request.header("Authorization", "Bearer " + token);
                    }
                }
                """.formatted(
                java.plant("aws_access_key", "AKIA" + fake.upperAlnum(16)),
                java.plant("aws_secret_key", fake.base64(40)),
                java.plant("gcp_api_key", "AIza" + fake.base64url(35)),
                java.plant("jwt", fake.jwt()),
                java.plant("connection_string_password", fake.password(15)))));

        FileBuilder python = new FileBuilder("app/settings.py").keeps("@cache:6379/0", "DEBUG = False");
        files.add(python.text("""
                DEBUG = False
                SLACK_BOT_TOKEN = "%s"
                GITLAB_TOKEN = '%s'
                SECRET_KEY = "%s"
                REDIS_URL = "redis://:%s@cache:6379/0"
                """.formatted(
                python.plant("slack_token", "xoxb-" + fake.digits(12) + "-" + fake.digits(13) + "-" + fake.alnum(24)),
                python.plant("gitlab_token", "glpat-" + fake.base64url(20)),
                python.plant("secret_assignment", "django-insecure-" + fake.password(40)),
                python.plant("url_password", fake.password(24)))));

        FileBuilder typescript = new FileBuilder("web/src/api.ts").keeps("headers: { Authorization: \"Bearer ");
        files.add(typescript.text("""
                import Stripe from "stripe";

                const githubToken = "%s";
                const stripe = new Stripe("%s");
                const apiKey: string = "%s";

                export const client = {
                  headers: { Authorization: "Bearer %s" },
                };
                """.formatted(
                typescript.plant("github_token", "github_pat_" + fake.alnum(22) + "_" + fake.alnum(59)),
                typescript.plant("stripe_key", "rk_live_" + fake.alnum(24)),
                typescript.plant("secret_assignment", fake.alnum(32)),
                typescript.plant("bearer_token", fake.base64url(40)))));

        FileBuilder dockerfile = new FileBuilder("Dockerfile").keeps("FROM node:22-alpine", "ENV NPM_TOKEN=", "ARG SENTRY_AUTH_TOKEN ");
        files.add(dockerfile.text("""
                FROM node:22-alpine
                ENV NPM_TOKEN=%s
                ARG SENTRY_AUTH_TOKEN %s
                RUN npm ci
                """.formatted(
                dockerfile.plant("secret_assignment", "npm_" + fake.alnum(36)),
                dockerfile.plant("secret_assignment", fake.hex(64)))));

        FileBuilder shell = new FileBuilder("deploy/bootstrap.sh").keeps("#!/usr/bin/env bash", "export GH_TOKEN=",
                "curl -sS -H \"Authorization: Bearer ");
        files.add(shell.text("""
                #!/usr/bin/env bash
                set -euo pipefail
                export GH_TOKEN=%s
                export SIGNING_SEED=%s
                curl -sS -H "Authorization: Bearer %s" https://api.example.com/deploy
                """.formatted(
                shell.plant("github_token", "ghs_" + fake.alnum(36)),
                shell.plant("high_entropy_string", fake.base64(44)),
                shell.plant("jwt", fake.jwt()))));

        FileBuilder properties = new FileBuilder("src/main/resources/app.properties").keeps("mail.smtp.host=smtp.example.com",
                "https://acct.blob.core.windows.net/exports?sv=2022-11-02&ss=b&sig=");
        files.add(properties.text("""
                mail.smtp.host=smtp.example.com
                mail.smtp.password=%s
                storage.exports=https://acct.blob.core.windows.net/exports?sv=2022-11-02&ss=b&sig=%s
                openai.key=%s
                webhook.hmac=%s
                """.formatted(
                properties.plant("secret_assignment", fake.password(16)),
                properties.plant("azure_sas_token", fake.alnum(30) + "%2B" + fake.alnum(10) + "%3D"),
                properties.plant("openai_api_key", "sk-" + fake.alnum(20) + "T3BlbkFJ" + fake.alnum(20)),
                properties.plant("high_entropy_string", fake.base64(40)))));

        FileBuilder pem = new FileBuilder("certs/server.key").keeps("issued for staging");
        files.add(pem.text("issued for staging\n" + pem.plant("private_key",
                "-----BEGIN RSA PRIVATE KEY-----\n" + fake.pemBody(12) + "-----END RSA PRIVATE KEY-----") + "\n"));

        FileBuilder sshKey = new FileBuilder("deploy/id_ed25519");
        files.add(sshKey.text(sshKey.plant("private_key",
                "-----BEGIN OPENSSH PRIVATE KEY-----\n" + fake.pemBody(5) + "-----END OPENSSH PRIVATE KEY-----") + "\n"));

        FileBuilder mavenSettings = new FileBuilder("settings.xml").keeps("<username>deployer</username>");
        files.add(mavenSettings.text("""
                <settings>
                  <servers>
                    <server>
                      <id>releases</id>
                      <username>deployer</username>
                      <password>%s</password>
                    </server>
                  </servers>
                </settings>
                """.formatted(mavenSettings.plant("secret_assignment", fake.password(22)))));
        return files;
    }

}
