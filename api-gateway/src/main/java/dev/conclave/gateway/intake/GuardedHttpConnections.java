package dev.conclave.gateway.intake;

import dev.conclave.gateway.service.InvalidScanException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URL;
import java.time.Instant;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's HTTP connections for one fetch: each connection (JGit follows redirects itself, so each
 * hop) is checked against the URL policy and pinned to the address the policy checked, and every byte received counts against the fetch's
 * size and time limits. A refusal is kept here and thrown as an IOException, because JGit turns
 * whatever its transport throws into its own exceptions; the caller asks {@link #refusal()}.
 */
final class GuardedHttpConnections extends JDKHttpConnectionFactory {
    private final GitUrlPolicy policy;
    private final long maxBytes;
    private final Instant deadline;
    private final String timeoutSetting;
    private long received;
    private InvalidScanException refusal;

    GuardedHttpConnections(GitUrlPolicy policy, long maxBytes, Instant deadline, String timeoutSetting) {
        this.policy = policy;
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.timeoutSetting = timeoutSetting;
    }

    InvalidScanException refusal() {
        return refusal;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, null);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        InetAddress checked;
        try {
            if (!"https".equalsIgnoreCase(url.getProtocol())) {
                throw InvalidScanException.badRequest("git.url", "the repository redirected to '%s'; only https is fetched".formatted(GitUrlPolicy.shown(url.toString())));
            }
            if (url.getPort() != -1 && url.getPort() != 443) {
                throw InvalidScanException.badRequest("git.url", "the repository redirected to '%s'; only the default https port is allowed".formatted(GitUrlPolicy.shown(url.toString())));
            }
            checked = policy.checkHost(url.getHost(), url.toString());
        } catch (InvalidScanException e) {
            throw refuse(e);
        }
        URL pinned = PinnedHttps.pinned(url, checked);
        return proxy == null ? new GuardedConnection(pinned) : new GuardedConnection(pinned, proxy);
    }

    private IOException refuse(InvalidScanException e) {
        refusal = e;
        return new IOException(e.getMessage());
    }

    /** Takes the bytes received by the fetch so far; refuses them beyond the size or time limit. */
    private void counted(long total) throws IOException {
        received = total;
        if (received > maxBytes) {
            throw refuse(InvalidScanException.tooLarge("git.url", "fetching the repository received more than %d bytes; the limit is %d (conclave.intake.max-archive-bytes)"
                    .formatted(maxBytes, maxBytes)));
        }
        if (Instant.now().isAfter(deadline)) {
            throw refuse(InvalidScanException.badRequest("git.url", "fetching the repository took longer than %s"
                    .formatted(timeoutSetting)));
        }
    }

    private final class GuardedConnection extends JDKHttpConnection {
        GuardedConnection(URL url) throws IOException {
            super(url);
        }

        GuardedConnection(URL url, Proxy proxy) throws IOException {
            super(url, proxy);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            // JGit reads one hop's answer after the other: this one's bytes count on top of the earlier ones'.
            long earlier = received;
            return new CountingInputStream(super.getInputStream(), total -> counted(earlier + total));
        }
    }
}
