package dev.conclave.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.service.InvalidScanException;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A refused git URL's message is returned and logged: a user or password in the URL is never in it. */
class CredentialsInAGitUrlAreNeverRepeatedTest {
    private final GitUrlPolicy policy = new GitUrlPolicy(new GitPolicySettings(false),
            host -> new InetAddress[] {InetAddress.getLoopbackAddress()});

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://deploy:hunter2@github.com/owner/repo.git",
            "ssh://deploy:hunter2@github.com/owner/repo.git", "https://deploy:hunter2@github.com:8443/owner/repo.git",
            "https://deploy:hunter2@github.com/owner/repo.git", "ftp://hunter2@evil.test/x",
            "https://hunter2@internal.example/repo.git"})
    void theRefusalHidesThem(String url) {
        InvalidScanException refusal = assertThrows(InvalidScanException.class, () -> policy.check(url));

        assertFalse(refusal.getMessage().contains("hunter2"), refusal::getMessage);
        assertTrue(refusal.getMessage().contains("git.url"), refusal::getMessage);
    }
}
