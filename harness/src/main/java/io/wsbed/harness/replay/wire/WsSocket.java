package io.wsbed.harness.replay.wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One end of an open WebSocket connection, after the handshake: read and send frames, and end
 * the TCP connection in the three ways a replay needs (a Close exchange is the caller's business).
 * {@link #close()} is idempotent and unblocks a reader or writer in another thread.
 */
public final class WsSocket implements AutoCloseable {
    /** The largest frame payload accepted: well above the 1 MiB frames the tests send, bounded against garbage. */
    public static final long MAX_PAYLOAD = 64L * 1024 * 1024;

    private final Socket socket;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final long openedNanos;

    private WsSocket(Socket socket, InputStream in, boolean clientSide, long openedNanos) throws IOException {
        this.socket = socket;
        this.openedNanos = openedNanos;
        this.reader = new FrameReader(in, !clientSide, MAX_PAYLOAD);
        this.writer = new FrameWriter(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024), clientSide);
    }

    /**
     * The client end of a connection whose handshake is done.
     *
     * @param in the stream the 101 was read from
     * @param openedNanos when the 101 had arrived ({@link System#nanoTime()}): the session's start
     */
    public static WsSocket clientSide(Socket socket, InputStream in, long openedNanos) throws IOException {
        return new WsSocket(socket, in, true, openedNanos);
    }

    /**
     * The server end of a connection whose handshake is done.
     *
     * @param in the stream the upgrade request was read from
     * @param openedNanos when the 101 had been sent ({@link System#nanoTime()}): the session's start
     */
    public static WsSocket serverSide(Socket socket, InputStream in, long openedNanos) throws IOException {
        return new WsSocket(socket, in, false, openedNanos);
    }

    /** Opens a TCP (or TLS) connection, bounded by {@code timeout}, with Nagle off: frames leave when written. */
    public static Socket dial(WsUrl url, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(url.host(), url.port()), (int) timeout.toMillis());
            if (!url.secure()) {
                return s;
            }
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(s, url.host(), url.port(), true);
            tls.setSoTimeout((int) timeout.toMillis());
            tls.startHandshake();
            tls.setSoTimeout(0);
            return tls;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Connects as a client and completes the opening handshake, all bounded by {@code timeout}. */
    public static WsSocket connect(WsUrl url, Duration timeout) throws IOException {
        Socket s = dial(url, timeout);
        try {
            s.setSoTimeout((int) timeout.toMillis());
            String key = Handshake.newKey();
            s.getOutputStream().write(Handshake.request(url, key).bytes());
            s.getOutputStream().flush();
            BufferedInputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            long opened = firstByteNanos(in);
            Handshake.checkResponse(HttpHead.read(in), key);
            s.setSoTimeout(0);
            return clientSide(s, in, opened);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Waits for the first byte of the server's answer and returns when it arrived, leaving it unread.
     * A client's session starts when the 101 arrives: stamped before the head is parsed, so the
     * parsing (slow in a cold JVM) does not shift every later time stamp.
     */
    public static long firstByteNanos(BufferedInputStream in) throws IOException {
        in.mark(1);
        in.read();
        long arrived = System.nanoTime();
        in.reset();
        return arrived;
    }

    /** When the handshake ended and the session began ({@link System#nanoTime()}). */
    public long openedNanos() {
        return openedNanos;
    }

    /** The next frame, or null when the peer ended the stream cleanly between frames. */
    public Frame read() throws IOException {
        return reader.read();
    }

    /** When the first byte of the frame last read arrived ({@link System#nanoTime()}). */
    public long lastFrameStartNanos() {
        return reader.frameStartNanos();
    }

    public void send(Frame frame) throws IOException {
        writer.write(frame);
    }

    /** Bounds the next reads (0 = none). */
    public void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /**
     * Ends the TCP connection with a reset (SO_LINGER 0, RFC 793 RST) instead of a FIN: what the
     * peer sees when a process dies with unread data, or a middlebox resets the flow.
     */
    public void abort() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed: nothing left to reset.
        }
        close();
    }

    /** Ends the TCP connection (a FIN) without a Close frame, as the kernel does for a killed process. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing twice or a socket already reset: nothing more to do.
        }
    }

    public boolean isClosed() {
        return socket.isClosed();
    }
}
