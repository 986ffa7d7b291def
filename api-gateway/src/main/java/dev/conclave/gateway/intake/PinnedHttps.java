package dev.conclave.gateway.intake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTPS connections that go to one address, already checked, whatever the host name resolves to by
 * the time the JDK connects. Only the TCP connect is redirected: the TLS layer is the JDK's default,
 * given the host name, so SNI, the Host header and the certificate check (against the name, with
 * HttpsURLConnection's endpoint identification) are what they would have been.
 */
final class PinnedHttps {

    private PinnedHttps() {
    }

    /** The same URL, whose connections are pinned to {@code address}. */
    static URL pinned(URL url, InetAddress address) throws IOException {
        try {
            return URL.of(url.toURI(), new Handler(address));
        } catch (URISyntaxException e) {
            throw new IOException("the URL " + url + " is not a valid URI", e);
        }
    }

    private static final class Handler extends URLStreamHandler {
        private final InetAddress address;

        Handler(InetAddress address) {
            this.address = address;
        }

        @Override
        protected URLConnection openConnection(URL url) throws IOException {
            return pin(plain(url).openConnection());
        }

        @Override
        protected URLConnection openConnection(URL url, Proxy proxy) throws IOException {
            return pin(plain(url).openConnection(proxy));
        }

        private static URL plain(URL url) throws IOException {
            try {
                return new URI(url.toExternalForm()).toURL();
            } catch (URISyntaxException e) {
                throw new IOException("the URL " + url + " is not a valid URI", e);
            }
        }

        private URLConnection pin(URLConnection connection) throws IOException {
            if (!(connection instanceof HttpsURLConnection https)) {
                throw new IOException("only https is fetched, not " + connection.getURL().getProtocol());
            }
            https.setSSLSocketFactory(new SocketFactory(address, https.getSSLSocketFactory()));
            return https;
        }
    }

    /**
     * The JDK asks for an unconnected socket and connects it to the name it resolved itself; this one
     * connects to the pinned address instead. A plain socket, so the JDK then layers TLS over it with
     * the host name ({@link #createSocket(Socket, String, int, boolean)}).
     */
    static final class SocketFactory extends SSLSocketFactory {
        private final InetAddress address;
        private final SSLSocketFactory tls;

        SocketFactory(InetAddress address, SSLSocketFactory tls) {
            this.address = address;
            this.tls = tls;
        }

        @Override
        public Socket createSocket() {
            return new PinnedSocket(address);
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return tls.createSocket(socket, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new PinnedSocket(address);
            socket.connect(InetSocketAddress.createUnresolved(host, port));
            return tls.createSocket(socket, host, port, true);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(address.getHostAddress(), port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
            return createSocket(address.getHostAddress(), port);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }

    /** Connects to its address, on the port it is asked for; the address it is asked for is ignored. */
    static final class PinnedSocket extends Socket {
        private final InetAddress address;

        PinnedSocket(InetAddress address) {
            this.address = address;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress requested)) {
                throw new IOException("cannot connect to " + endpoint + ": not an internet address");
            }
            super.connect(new InetSocketAddress(address, requested.getPort()), timeout);
        }
    }
}
