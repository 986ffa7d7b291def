package dev.conclave.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.service.InvalidScanException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An allowed host that resolves to an internal address, in any of the forms an address can take, is
 * refused before a connection; the same forms around a public address are fetched from.
 */
class EveryInternalAddressFormIsRefusedTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3",
            "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.170", "198.18.0.1",
            "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "fd12:3456::1", "ff02::1", "fec0::1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::ffff:100.64.0.1",
            "::127.0.0.1", "::169.254.169.254",
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", "64:ff9b::192.168.0.1",
            "64:ff9b:1::1", "64:ff9b:1:abcd::8c52:7003",
            "2002:7f00:1::", "2002:a9fe:a9fe::1", "2002:c0a8:101::1", "2002:a00:1::"})
    void isRefused(String literal) throws UnknownHostException {
        for (InetAddress address : forms(literal)) {
            GitUrlPolicy policy = new GitUrlPolicy(new GitPolicySettings(false), host -> new InetAddress[] {address});
            InvalidScanException refusal = assertThrows(InvalidScanException.class,
                    () -> policy.checkHost("github.com", "https://github.com/owner/repo.git"), address::toString);
            assertEquals("git.url", refusal.field());
            assertTrue(refusal.getMessage().contains("resolves to the internal address"), refusal::getMessage);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"140.82.112.3", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111",
            "::ffff:140.82.112.3", "64:ff9b::8c52:7003", "2002:8c52:7003::1"})
    void aPublicAddressIsFetchedFrom(String literal) throws UnknownHostException {
        for (InetAddress address : forms(literal)) {
            GitUrlPolicy policy = new GitUrlPolicy(new GitPolicySettings(false), host -> new InetAddress[] {address});
            assertEquals(address, policy.checkHost("github.com", "https://github.com/owner/repo.git"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"140.82.112.3", "127.0.0.1"})
    void oneInternalAnswerAmongPublicOnesIsEnoughToRefuse(String first) throws UnknownHostException {
        InetAddress[] answer = {InetAddress.getByName(first), InetAddress.getByName("10.0.0.7")};
        GitUrlPolicy policy = new GitUrlPolicy(new GitPolicySettings(false), host -> answer);
        assertThrows(InvalidScanException.class, () -> policy.checkHost("github.com", "https://github.com/o/r.git"));
    }

    /**
     * The address as the JDK parses it and, for IPv6 text, as raw sixteen bytes: the JDK turns
     * {@code ::ffff:a.b.c.d} into an IPv4 address, but a resolver may hand over the IPv6 form.
     */
    private static InetAddress[] forms(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(literal);
        if (!literal.contains(":")) {
            return new InetAddress[] {parsed};
        }
        byte[] sixteen = parsed.getAddress().length == 16 ? parsed.getAddress() : mapped(parsed.getAddress());
        return new InetAddress[] {parsed, Inet6Address.getByAddress(null, sixteen, -1)};
    }

    private static byte[] mapped(byte[] v4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(v4, 0, bytes, 12, 4);
        return bytes;
    }
}
