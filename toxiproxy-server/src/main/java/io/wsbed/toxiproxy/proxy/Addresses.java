package io.wsbed.toxiproxy.proxy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * {@code host:port} handling with the reference's (Go's) conventions: an empty host means every
 * interface, IPv6 hosts are bracketed, a wildcard listener is reported as {@code [::]:port} (Go
 * binds dual-stack), and {@code localhost} resolves to 127.0.0.1.
 */
final class Addresses {
    private Addresses() {
    }

    /** The socket address to bind for a proxy's {@code listen}; 500 with Go's wording when invalid. */
    static InetSocketAddress resolveListen(String listen) {
        if (listen.isEmpty()) {
            return new InetSocketAddress(0);
        }
        String[] hostPort = split(listen, "listen tcp");
        int port = port(listen, hostPort[1], "listen tcp");
        if (hostPort[0].isEmpty()) {
            return new InetSocketAddress(port);
        }
        try {
            return new InetSocketAddress(lookup(hostPort[0]), port);
        } catch (UnknownHostException e) {
            throw ToxiproxyException.internal("listen tcp: lookup " + hostPort[0] + ": no such host");
        }
    }

    /**
     * The resolved listen as Go prints a resolved address ({@code 0.0.0.0:N} stays as is, an empty
     * host gives {@code :N}); the reference compares this with the stored listen on update.
     */
    static String resolvedForm(String listen) {
        if (listen.isEmpty()) {
            return ":0";
        }
        String host = split(listen, "listen tcp")[0];
        InetSocketAddress address = resolveListen(listen);
        return host.isEmpty() ? ":" + address.getPort() : hostPort(address.getAddress(), address.getPort());
    }

    /** The address a listener actually bound, as the reference reports it. */
    static String render(InetSocketAddress bound) {
        if (bound.getAddress() == null || bound.getAddress().isAnyLocalAddress()) {
            return "[::]:" + bound.getPort();
        }
        return hostPort(bound.getAddress(), bound.getPort());
    }

    /** The upstream to dial; the reference only finds a bad upstream when a client connects. */
    static InetSocketAddress resolveUpstream(String upstream) throws UnknownHostException {
        String[] hostPort;
        int port;
        try {
            hostPort = split(upstream, "dial tcp");
            port = port(upstream, hostPort[1], "dial tcp");
        } catch (ToxiproxyException e) {
            throw new UnknownHostException(e.getMessage());
        }
        String host = hostPort[0].isEmpty() ? "localhost" : hostPort[0];
        return new InetSocketAddress(lookup(host), port);
    }

    private static String[] split(String address, String op) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw ToxiproxyException.internal(op + ": address " + address + ": missing port in address");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw ToxiproxyException.internal(op + ": address " + address + ": too many colons in address");
        }
        return new String[] {host, address.substring(colon + 1)};
    }

    private static int port(String address, String text, String op) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw ToxiproxyException.internal(op + ": address " + address + ": invalid port");
    }

    /** Resolves a host, preferring IPv4 as Go does for "localhost". */
    private static InetAddress lookup(String host) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(host);
        for (InetAddress a : all) {
            if (a instanceof Inet4Address) {
                return a;
            }
        }
        return all[0];
    }

    private static String hostPort(InetAddress address, int port) {
        if (address instanceof Inet6Address) {
            return "[" + compress(address.getHostAddress()) + "]:" + port;
        }
        return address.getHostAddress() + ":" + port;
    }

    /** Java prints IPv6 uncompressed ({@code 0:0:0:0:0:0:0:1}); Go prints {@code ::1}. */
    static String compress(String ipv6) {
        int scope = ipv6.indexOf('%');
        String[] groups = (scope >= 0 ? ipv6.substring(0, scope) : ipv6).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
