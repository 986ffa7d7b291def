package dev.conclave.gateway.intake;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The addresses a git fetch must never reach: loopback, private, link-local (the cloud metadata
 * address 169.254.169.254 among them), unique-local IPv6 ({@code fd00:ec2::254} among them), CGNAT,
 * multicast, unspecified, "this network", reserved and broadcast; and the same IPv4 addresses
 * dressed as IPv6: IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}), NAT64
 * ({@code 64:ff9b::/96}; the local-use {@code 64:ff9b:1::/48} as a whole) and 6to4 ({@code 2002::/16}).
 */
final class InternalAddresses {

    private InternalAddresses() {
    }

    static boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return internalV4(bytes, address);
        }
        return internalV6(bytes, address);
    }

    private static boolean internalV4(byte[] b, InetAddress address) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return address.isLoopbackAddress() // 127/8
                || address.isSiteLocalAddress() // 10/8, 172.16/12, 192.168/16
                || address.isLinkLocalAddress() // 169.254/16, the metadata address included
                || address.isAnyLocalAddress()
                || address.isMulticastAddress() // 224/4
                || first == 0 // "this network"
                || first == 100 && (second & 0xc0) == 64 // CGNAT 100.64/10
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments 192.0.0/24
                || first == 198 && (second & 0xfe) == 18 // benchmarking 198.18/15
                || first >= 240; // reserved 240/4 and broadcast
    }

    private static boolean internalV6(byte[] b, InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || (b[0] & 0xfe) == 0xfc) { // unique-local fc00::/7
            return true;
        }
        if (startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff) || startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return embedded(b, 12); // IPv4-mapped, IPv4-compatible (:: and ::1 handled above)
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return embedded(b, 12); // NAT64 well-known prefix
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return true; // local-use NAT64 (RFC 8215): translates into the operator's own network
        }
        if (startsWith(b, 0x20, 0x02)) {
            return embedded(b, 2); // 6to4
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean embedded(byte[] bytes, int at) {
        try {
            InetAddress v4 = Inet4Address.getByAddress(Arrays.copyOfRange(bytes, at, at + 4));
            return internalV4(v4.getAddress(), v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
