package io.wsbed.harness.wire;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a capture file in the classic pcap format (the one {@code tcpdump -w} writes): a 24-byte
 * file header (magic, version, snap length, link type), then per packet a 16-byte record header
 * (seconds, micro- or nanoseconds, captured length, original length) and the captured bytes.
 * Either byte order and either time resolution; a record cut short at the end of the file (the
 * writer was killed mid-packet) ends the capture quietly. Not pcapng.
 */
public final class PcapReader implements AutoCloseable {
    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    /** Far above any snap length tcpdump writes; a larger record means the file is not what it claims. */
    private static final int MAX_RECORD = 262_144 * 4;

    private final InputStream in;
    private final ByteOrder order;
    private final boolean nanos;
    private final int linkType;
    private final int snapLength;
    private final byte[] recordHeader = new byte[16];

    private PcapReader(InputStream in, ByteOrder order, boolean nanos, int linkType, int snapLength) {
        this.in = in;
        this.order = order;
        this.nanos = nanos;
        this.linkType = linkType;
        this.snapLength = snapLength;
    }

    /** One captured packet: when, how long it was on the wire, and the bytes kept of it. */
    public record Packet(long tMicros, int originalLength, byte[] data) {
    }

    /** Opens a capture file and reads its header; throws when it is not a classic pcap file. */
    public static PcapReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return of(in, file.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads the header of a capture from a stream; {@code name} is how errors call it. */
    static PcapReader of(InputStream in, String name) throws IOException {
        byte[] header = in.readNBytes(24);
        if (header.length < 24) {
            throw new IOException(name + " is not a pcap capture: only " + header.length + " bytes of header");
        }
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            order = ByteOrder.BIG_ENDIAN;
            magic = b.order(order).getInt(0);
            if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
                throw new IOException(name + " is not a classic pcap capture (magic "
                        + Integer.toHexString(b.order(ByteOrder.BIG_ENDIAN).getInt(0)) + "; pcapng is not read)");
            }
        }
        b.order(order);
        return new PcapReader(in, order, magic == MAGIC_NANOS, b.getInt(20) & 0x0fff_ffff, b.getInt(16));
    }

    /** The link-layer header type of every packet (1 Ethernet, 0 BSD loopback, 113 Linux cooked, ...). */
    public int linkType() {
        return linkType;
    }

    /** How many bytes of each packet the capture kept at most. */
    public int snapLength() {
        return snapLength;
    }

    /** The next packet, or empty at the end of the capture (a record cut short included). */
    public Optional<Packet> next() throws IOException {
        int n = in.readNBytes(recordHeader, 0, 16);
        if (n < 16) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(recordHeader).order(order);
        long seconds = b.getInt(0) & 0xffff_ffffL;
        long fraction = b.getInt(4) & 0xffff_ffffL;
        int captured = b.getInt(8);
        int original = b.getInt(12);
        if (captured < 0 || captured > MAX_RECORD) {
            throw new IOException("a packet record claims " + captured + " captured bytes: the capture is damaged");
        }
        byte[] data = new byte[captured];
        try {
            readFully(data);
        } catch (EOFException e) {
            return Optional.empty();
        }
        long micros = seconds * 1_000_000L + (nanos ? fraction / 1000 : fraction);
        return Optional.of(new Packet(micros, original, data));
    }

    private void readFully(byte[] data) throws IOException {
        if (in.readNBytes(data, 0, data.length) < data.length) {
            throw new EOFException();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
