package dev.conclave.gateway.intake;

import dev.conclave.gateway.config.IntakeConfig;
import dev.conclave.gateway.service.InvalidScanException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which git URLs the gateway fetches from, so a scan cannot make it reach an internal address:
 * https to an allowed host only, no credentials or odd ports in the URL, and a host that resolves
 * to an internal address ({@link InternalAddresses}) is refused unless that is allowed. The scheme and
 * host are checked before any network access; the addresses once per connection, redirects included,
 * and the connection then goes to the address checked ({@link PinnedHttps}), never to a second answer.
 */
final class GitUrlPolicy {
    private static final String FIELD = "git.url";
    private final IntakeConfig.Git config;
    private final HostResolver resolver;

    GitUrlPolicy(IntakeConfig.Git config) {
        this(config, HostResolver.SYSTEM);
    }

    GitUrlPolicy(IntakeConfig.Git config, HostResolver resolver) {
        this.config = config;
        this.resolver = resolver;
    }

    /** The URL to fetch, or a refusal; a file URL only when enabled. */
    URI check(String given) {
        if (given == null || given.isBlank()) {
            throw InvalidScanException.badRequest(FIELD, "git.url is missing; give the https URL of a repository, e.g. https://github.com/owner/repo.git");
        }
        // Refusals are logged and returned: credentials in the URL are never repeated in either.
        String url = shown(given);
        URI uri;
        try {
            uri = new URI(given.trim());
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

    /**
     * The allow-list and the addresses the host resolves to; for the first request and every redirect.
     * The name is resolved once, here: every address it gave is checked, and the connection must go to
     * the one returned.
     */
    InetAddress checkHost(String rawHost, String given) {
        String url = shown(given);
        String host = rawHost == null ? "" : rawHost.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        List<String> allowed = config.allowedHosts().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (host.isEmpty() || !allowed.contains(host)) {
            throw InvalidScanException.badRequest(FIELD, "git.url '%s': the host '%s' is not allowed; allowed hosts are %s (conclave.intake.git.allowed-hosts)"
                    .formatted(url, host, allowed));
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw InvalidScanException.badRequest(FIELD, "git.url '%s': the host '%s' does not resolve".formatted(url, host));
        }
        if (addresses == null || addresses.length == 0) {
            throw InvalidScanException.badRequest(FIELD, "git.url '%s': the host '%s' does not resolve".formatted(url, host));
        }
        for (InetAddress address : addresses) {
            if (!config.allowPrivateAddresses() && InternalAddresses.contains(address)) {
                throw InvalidScanException.badRequest(FIELD, ("git.url '%s': the host '%s' resolves to the internal address %s; "
                        + "allow internal addresses with conclave.intake.git.allow-private-addresses")
                        .formatted(url, host, address.getHostAddress()));
            }
        }
        return addresses[0];
    }

    /** The URL as messages show it: a user or password in it is replaced by {@code ***}. */
    static String shown(String url) {
        return url == null ? "" : url.replaceAll("(?<=://)[^/?#@\\s]*@", "***@");
    }
}
