package dev.conclave.gateway.intake;

import dev.conclave.gateway.config.IntakeConfig;
import dev.conclave.gateway.service.InvalidScanException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which git URLs the gateway fetches from, so a scan cannot make it reach an internal address:
 * https to an allowed host only, no credentials or odd ports in the URL, and a host that resolves
 * to a loopback, private or link-local address is refused unless that is allowed. The scheme and
 * host are checked before any network access; the addresses once per connection, redirects included.
 */
final class GitUrlPolicy {
    private static final String FIELD = "git.url";
    private final IntakeConfig.Git config;

    GitUrlPolicy(IntakeConfig.Git config) {
        this.config = config;
    }

    /** The URL to fetch, or a refusal; a file URL only when enabled. */
    URI check(String url) {
        if (url == null || url.isBlank()) {
            throw InvalidScanException.badRequest(FIELD, "git.url is missing; give the https URL of a repository, e.g. https://github.com/owner/repo.git");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw InvalidScanException.badRequest(FIELD, "git.url '%s' is not a URL (%s); give an https URL, e.g. https://github.com/owner/repo.git"
                    .formatted(url, e.getReason()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            if (!config.allowFile()) {
                throw InvalidScanException.badRequest(FIELD, "git.url '%s': file URLs are disabled (conclave.intake.git.allow-file); give an https URL"
                        .formatted(url));
            }
            return uri;
        }
        if (!scheme.equals("https")) {
            throw InvalidScanException.badRequest(FIELD, "git.url '%s' uses %s; only https URLs are fetched, e.g. https://github.com/owner/repo.git"
                    .formatted(url, scheme.isEmpty() ? "no scheme" : "the scheme '" + scheme + "'"));
        }
        if (uri.getRawUserInfo() != null) {
            throw InvalidScanException.badRequest(FIELD, "git.url must not carry credentials; only public repositories can be fetched");
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            throw InvalidScanException.badRequest(FIELD, "git.url '%s' names port %d; only the default https port is allowed".formatted(url, uri.getPort()));
        }
        checkHost(uri.getHost(), url);
        return uri;
    }

    /** The allow-list and the addresses the host resolves to; for the first request and every redirect. */
    void checkHost(String rawHost, String url) {
        String host = rawHost == null ? "" : rawHost.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        List<String> allowed = config.allowedHosts().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (host.isEmpty() || !allowed.contains(host)) {
            throw InvalidScanException.badRequest(FIELD, "git.url '%s': the host '%s' is not allowed; allowed hosts are %s (conclave.intake.git.allowed-hosts)"
                    .formatted(url, host, allowed));
        }
        if (config.allowPrivateAddresses()) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw InvalidScanException.badRequest(FIELD, "git.url '%s': the host '%s' does not resolve".formatted(url, host));
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw InvalidScanException.badRequest(FIELD, ("git.url '%s': the host '%s' resolves to the internal address %s; "
                        + "allow internal addresses with conclave.intake.git.allow-private-addresses")
                        .formatted(url, host, address.getHostAddress()));
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        boolean thisNetwork = bytes.length == 4 && bytes[0] == 0;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat || thisNetwork;
    }
}
