package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ProjectKind;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import dev.conclave.model.WireJson;
import dev.conclave.scanner.redact.FakeSecrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library shaped like psf/requests: credentials in test URLs, a Basic header in a test, template
 * variables, TLS keys under tests/certs, proxies with user:pass in its documentation. Every value is
 * redacted; none is a committed secret; it is judged as a library, never by a Dockerfile.
 */
class RequestsLikeLibraryIsNotAccusedOfCommittingSecretsTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());
    private final FakeSecrets fake = new FakeSecrets();

    @TempDir
    Path dir;

    private FixtureProject requestsLike() {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + fake.pemBody(6) + "-----END PRIVATE KEY-----\n";
        return new FixtureProject("requests-like")
                .file("README.md", "# Requests\n\nHTTP for Humans.\n\n## Installation\n\n    pip install requests\n")
                .file("HISTORY.md", "## 2.32.0\n\n- When proxies are defined with user info (`https://user:pass@proxy:8080`), ...\n")
                .file("pyproject.toml", "[project]\nname = \"requests\"\ndynamic = [\"version\"]\n"
                        + "dependencies = [\"urllib3>=1.21.1\", \"idna\"]\n")
                .file("src/requests/__init__.py", "from .api import get\n")
                .file("src/requests/api.py", "def get(url, **kwargs):\n    return request(\"get\", url, **kwargs)\n")
                .file(".github/workflows/run-tests.yml", "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n")
                .file(".github/workflows/publish.yml", """
                        on:
                          push:
                            tags: ["v*"]
                        jobs:
                          publish:
                            permissions:
                              id-token: write
                            steps:
                              - uses: pypa/gh-action-pypi-publish@release/v1
                        """)
                .file("tests/test_utils.py", """
                        @pytest.mark.parametrize("url, auth", (
                            (
                                f"http://{ENCODED_USER}:{ENCODED_PASSWORD}@request.com/url.html#test",
                                (USER, PASSWORD),
                            ),
                            ("http://user:pass@complex.url.com/path?query=yes", ("user", "pass")),
                            ("hTTp://u:p@Some.Host/path", "http://some.host.proxy", http_proxies),
                        ))
                        def test_get_auth_from_url(url, auth):
                            assert get_auth_from_url(url) == auth
                        """)
                .file("tests/test_requests.py", """
                        def test_basic_auth_str_is_always_native():
                            proxy_auth_value = "Bearer XXX"
                            assert p.headers["Authorization"] == "Basic xa9zZXJuYW1lOnRlc3TGtg=="
                        """)
                .file("tests/certs/expired/server/server.key", pem)
                .file("tests/certs/expired/server/server.crt", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
                .file("docs/user/advanced.rst", "Proxies::\n\n    $ export HTTPS_PROXY=\"http://user:pass@10.10.1.10:1080\"\n");
    }

    @Test
    void everyValueIsRedactedAndNoneIsLikelyReal() throws IOException {
        ScanDigest digest = scanner.scan(requestsLike().writeTo(dir), "requests-like");
        var secrets = digest.scores().secretFindings();

        assertEquals(digest.redactions().total(), secrets.total(), "one finding per redacted value");
        assertEquals(7, secrets.total(), "HISTORY, docs, three test URLs, the Basic header, the key: " + secrets);
        assertEquals(0, secrets.count(SecretClass.LIKELY_REAL), () -> secrets.listed(SecretClass.LIKELY_REAL).toString());
        assertEquals(2, secrets.count(SecretClass.TEST_FIXTURE), "the key and the Basic header are under tests/: "
                + secrets.listed(SecretClass.TEST_FIXTURE));
        assertTrue(secrets.listed(SecretClass.TEST_FIXTURE).stream()
                .anyMatch(f -> f.path().equals("tests/certs/expired/server/server.key") && f.rule().equals("private_key")));
    }

    @Test
    void findingsAreListedByFileAndLineWithoutTheirValues() throws IOException {
        ScanDigest digest = scanner.scan(requestsLike().writeTo(dir), "requests-like");
        List<SecretFinding> listed = digest.scores().secretFindings().listed();

        assertTrue(listed.contains(new SecretFinding("tests/test_utils.py", 3, "url_password", SecretClass.EXAMPLE,
                "a template variable, not a value")), listed::toString);
        assertTrue(listed.stream().anyMatch(f -> f.path().equals("tests/test_utils.py") && f.line() == 6), listed::toString);
        assertTrue(listed.stream().anyMatch(f -> f.path().equals("docs/user/advanced.rst") && f.line() == 3), listed::toString);
        String json = WireJson.encode(digest);
        assertFalse(json.contains("xa9zZXJuYW1lOnRlc3TGtg"), "a value reached the digest");
        assertFalse(json.contains("BEGIN PRIVATE KEY"), "a key reached the digest");
    }

    @Test
    void itIsJudgedAsALibraryByPackagingReleasesVersionsAndCi() throws IOException {
        ScanDigest digest = scanner.scan(requestsLike().writeTo(dir), "requests-like");

        assertEquals(ProjectKind.LIBRARY, digest.scores().projectKind());
        assertEquals(100, digest.scores().deploymentReadinessPercent(), digest.scores().findings()::toString);
        assertTrue(digest.scores().findings().stream().noneMatch(f -> f.signal().equals("dockerfile")));
        assertEquals(List.of("project_kind", "packaging", "release_workflow", "versioning", "ci"), digest.scores().findings().stream()
                .filter(f -> f.score().equals("deployment_readiness")).map(f -> f.signal()).toList());
    }
}
