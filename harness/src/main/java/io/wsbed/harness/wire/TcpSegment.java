package io.wsbed.harness.wire;

import java.util.Arrays;
import java.util.Optional;

/**
 * One TCP segment of a capture, decoded from its link-layer, IP (v4 or v6) and TCP headers.
 * {@link #payloadLength()} comes from the IP and TCP lengths, so it is the segment's real size
 * even where the capture kept fewer bytes ({@link #payload()} holds only those).
 *
 * @param tMicros when the packet was captured, in epoch microseconds (the system clock)
 * @param src source address and port, "127.0.0.1:41234"
 * @param dst destination address and port
 * @param srcPort the source port
 * @param dstPort the destination port
 * @param seq the sequence number (unsigned 32 bit)
 * @param flags the TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10)
 * @param payloadLength how many payload bytes the segment carried
 * @param payload the payload bytes the capture kept (a prefix of the segment's payload)
 */
public record TcpSegment(long tMicros, String src, String dst, int srcPort, int dstPort, long seq, int flags,
                         int payloadLength, byte[] payload) {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int ACK = 0x10;

    /** Link types tcpdump writes on Linux loopback and elsewhere (tcpdump.org/linktypes.html). */
    static final int LINK_NULL = 0;
    static final int LINK_ETHERNET = 1;
    static final int LINK_RAW = 101;
    static final int LINK_LOOP = 108;
    static final int LINK_LINUX_SLL = 113;
    static final int LINK_LINUX_SLL2 = 276;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** "127.0.0.1:41234>127.0.0.1:8080": one direction of one connection. */
    public String direction() {
        return src + ">" + dst;
    }

    /**
     * The TCP segment in a captured packet, or empty when the packet is not TCP over IP (ARP,
     * UDP, an IP fragment) or too short to hold the headers.
     */
    public static Optional<TcpSegment> decode(int linkType, PcapReader.Packet packet) {
        byte[] d = packet.data();
        int ip = ipOffset(linkType, d);
        if (ip < 0 || ip >= d.length) {
            return Optional.empty();
        }
        int version = (d[ip] >> 4) & 0x0f;
        if (version == 4) {
            return ipv4(packet.tMicros(), d, ip);
        }
        return version == 6 ? ipv6(packet.tMicros(), d, ip) : Optional.empty();
    }

    /** Where the IP header starts, or -1 when the link-layer header says the packet is not IP. */
    private static int ipOffset(int linkType, byte[] d) {
        switch (linkType) {
            case LINK_ETHERNET: {
                int at = 12;
                int type = u16(d, at);
                while (type == 0x8100 || type == 0x88a8) { // VLAN tags
                    at += 4;
                    type = u16(d, at);
                }
                return type == 0x0800 || type == 0x86dd ? at + 2 : -1;
            }
            case LINK_NULL:
            case LINK_LOOP:
                return d.length >= 4 ? 4 : -1; // the IP version nibble tells v4 from v6
            case LINK_RAW:
                return 0;
            case LINK_LINUX_SLL: {
                int type = u16(d, 14);
                return type == 0x0800 || type == 0x86dd ? 16 : -1;
            }
            case LINK_LINUX_SLL2: {
                int type = u16(d, 0);
                return type == 0x0800 || type == 0x86dd ? 20 : -1;
            }
            default:
                return -1;
        }
    }

    private static Optional<TcpSegment> ipv4(long t, byte[] d, int ip) {
        if (d.length < ip + 20) {
            return Optional.empty();
        }
        int headerLength = (d[ip] & 0x0f) * 4;
        int total = u16(d, ip + 2);
        int fragment = u16(d, ip + 6);
        if ((d[ip + 9] & 0xff) != 6 || (fragment & 0x3fff) != 0) {
            return Optional.empty(); // not TCP, or a fragment (loopback never fragments)
        }
        String src = (d[ip + 12] & 0xff) + "." + (d[ip + 13] & 0xff) + "." + (d[ip + 14] & 0xff) + "." + (d[ip + 15] & 0xff);
        String dst = (d[ip + 16] & 0xff) + "." + (d[ip + 17] & 0xff) + "." + (d[ip + 18] & 0xff) + "." + (d[ip + 19] & 0xff);
        return tcp(t, d, ip + headerLength, total - headerLength, src, dst);
    }

    private static Optional<TcpSegment> ipv6(long t, byte[] d, int ip) {
        if (d.length < ip + 40 || (d[ip + 6] & 0xff) != 6) {
            return Optional.empty(); // extension headers never appear on loopback TCP here
        }
        int payload = u16(d, ip + 4);
        return tcp(t, d, ip + 40, payload, "[" + hex(d, ip + 8) + "]", "[" + hex(d, ip + 24) + "]");
    }

    /** {@code tcpLength}: the TCP header and payload together, as the IP header counts them. */
    private static Optional<TcpSegment> tcp(long t, byte[] d, int at, int tcpLength, String srcAddr, String dstAddr) {
        if (d.length < at + 20) {
            return Optional.empty();
        }
        int srcPort = u16(d, at);
        int dstPort = u16(d, at + 2);
        long seq = ((long) u16(d, at + 4) << 16 | u16(d, at + 6)) & 0xffff_ffffL;
        int headerLength = ((d[at + 12] >> 4) & 0x0f) * 4;
        int flags = d[at + 13] & 0xff;
        int payloadLength = Math.max(0, tcpLength - headerLength);
        int from = Math.min(d.length, at + headerLength);
        int kept = Math.max(0, Math.min(payloadLength, d.length - from));
        return Optional.of(new TcpSegment(t, srcAddr + ":" + srcPort, dstAddr + ":" + dstPort, srcPort, dstPort, seq,
                flags, payloadLength, Arrays.copyOfRange(d, from, from + kept)));
    }

    private static int u16(byte[] d, int at) {
        return at + 1 < d.length ? (d[at] & 0xff) << 8 | (d[at + 1] & 0xff) : -1;
    }

    private static String hex(byte[] d, int at) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            b.append(i == 0 ? "" : ":").append(Integer.toHexString(u16(d, at + i)));
        }
        return b.toString();
    }
}
