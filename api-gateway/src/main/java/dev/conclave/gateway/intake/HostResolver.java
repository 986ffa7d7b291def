package dev.conclave.gateway.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a git host's name. The policy asks once per connection and the connection goes to an address
 * it checked, so an answer that changes between the check and the connect (DNS rebinding) cannot
 * redirect a fetch; tests give an answer that changes on purpose.
 */
@FunctionalInterface
interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
