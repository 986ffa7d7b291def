package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A git URL the gateway must not fetch is refused with a 400 before any connection: the answer
 * comes at once (a connection to a black-holed metadata address would hang) and leaves no trace.
 */
@QuarkusTest
class DisallowedGitUrlsAreRefusedTest {
    private static final String NAME = "bad-git-" + System.nanoTime();


    static Stream<Arguments> disallowedUrls() {
        return Stream.of(
                Arguments.of("http://169.254.169.254/latest/meta-data/", "uses the scheme 'http'; only https"),
                Arguments.of("https://169.254.169.254/latest/meta-data/", "the host '169.254.169.254' is not allowed"),
                Arguments.of("ssh://git@github.com/owner/repo.git", "uses the scheme 'ssh'; only https"),
                Arguments.of("git://github.com/owner/repo.git", "uses the scheme 'git'; only https"),
                Arguments.of("git@github.com:owner/repo.git", "is not a URL"),
                Arguments.of("https://internal.example.com/repo.git", "(conclave.intake.git.allowed-hosts)"),
                Arguments.of("https://token:secret@github.com/owner/repo.git", "must not carry credentials"),
                Arguments.of("https://github.com:8443/owner/repo.git", "names port 8443"),
                Arguments.of("https://localhost/repo.git", "allow internal addresses with conclave.intake.git.allow-private-addresses"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disallowedUrls")
    void isRefusedWithoutFetching(String url, String message) {
        UploadOutcome.refusedWithoutTrace(NAME, given().contentType("application/json")
                .body("{\"name\": \"%s\", \"git\": {\"url\": \"%s\", \"ref\": \"main\"}}".formatted(NAME, url)),
                400, "git.url", message)
                .time(lessThan(2L), TimeUnit.SECONDS);
    }
}
