package dev.conclave.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: the name answers a public address when checked and an internal one a moment later.
 * The gateway asks once per connection and connects to the address it checked; the TLS handshake
 * still carries the name (SNI), so the certificate is checked against it.
 */
class RebindingCannotRedirectAGitFetchTest {
    private static final InetAddress PUBLIC = address("140.82.112.3");
    private static final InetAddress LOOPBACK = address("127.0.0.1");

    /** Public the first time, loopback from then on, and counts how often it was asked. */
    private static final class Rebinding implements HostResolver {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public InetAddress[] resolve(String host) {
            return new InetAddress[] {asked.getAndIncrement() == 0 ? PUBLIC : LOOPBACK};
        }
    }

    @Test
    void theNameIsResolvedOncePerConnectionAndTheCheckedAddressIsKept() throws IOException {
        Rebinding dns = new Rebinding();
        GitUrlPolicy policy = new GitUrlPolicy(new GitPolicySettings(false), dns);
        GuardedHttpConnections connections = new GuardedHttpConnections(policy, 1 << 20,
                Instant.now().plusSeconds(5), "5 s");

        HttpConnection first = connections.create(URI.create("https://github.com/owner/repo.git/info/refs").toURL());

        assertNotNull(first);
        assertEquals(1, dns.asked.get(), "one answer, checked, and no second look-up for the connect");
        // The next hop (JGit's next request, or a redirect) is checked afresh: the rebound answer is refused.
        assertThrows(IOException.class,
                () -> connections.create(URI.create("https://github.com/owner/repo.git/git-upload-pack").toURL()));
        assertTrue(connections.refusal().getMessage().contains("internal address 127.0.0.1"),
                connections.refusal()::getMessage);
    }

    @Test
    void theConnectionGoesToThePinnedAddressWithTheNameInTheHandshake() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            CompletableFuture<String> hello = CompletableFuture.supplyAsync(() -> clientHello(server));
            // A name that resolves nowhere: only a pinned connection can reach the server.
            URL url = PinnedHttps.pinned(URI.create("https://rebound.invalid:" + server.getLocalPort() + "/repo.git")
                    .toURL(), LOOPBACK);
            URLConnection connection = url.openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);

            assertThrows(IOException.class, connection::connect, "the fake server answers no handshake");

            String received = hello.get(5, TimeUnit.SECONDS);
            assertTrue(received.contains("rebound.invalid"), "the TLS ClientHello names the host (SNI)");
        }
    }

    @Test
    void aRedirectToAnotherPortIsRefused() {
        GitUrlPolicy policy = new GitUrlPolicy(new GitPolicySettings(false), host -> new InetAddress[] {PUBLIC});
        GuardedHttpConnections connections = new GuardedHttpConnections(policy, 1 << 20,
                Instant.now().plusSeconds(5), "5 s");
        for (String url : List.of("https://github.com:8443/owner/repo.git", "http://github.com/owner/repo.git")) {
            assertThrows(IOException.class, () -> connections.create(URI.create(url).toURL()), url);
            assertEquals("git.url", connections.refusal().field());
        }
    }

    private static String clientHello(ServerSocket server) {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
            socket.setSoTimeout(3000);
            byte[] buffer = new byte[4096];
            int read = in.read(buffer);
            return read <= 0 ? "" : new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("no connection reached the pinned address", e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
