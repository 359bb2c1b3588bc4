package io.wsbed.toxiproxy.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One end of a test connection (the client connected to a proxy, or the socket an upstream
 * accepted), with reads that always end within a given {@link Duration} and report what they saw.
 */
public final class Peer implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    public Peer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects to 127.0.0.1:port within 2 s. */
    public static Peer connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setTcpNoDelay(true);
        return new Peer(socket);
    }

    public Socket socket() {
        return socket;
    }

    public void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads exactly {@code n} bytes, failing with what happened instead when they do not come. */
    public byte[] readExactly(int n, Duration within) throws IOException {
        byte[] out = new byte[n];
        int got = 0;
        long deadline = System.nanoTime() + within.toNanos();
        while (got < n) {
            int r;
            try {
                socket.setSoTimeout(remainingMillis(deadline));
                r = in.read(out, got, n - got);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("expected " + n + " bytes within " + within + ", got " + got + " then silence");
            } catch (SocketException e) {
                throw new AssertionError("expected " + n + " bytes, got " + got + " then " + e.getMessage(), e);
            }
            if (r < 0) {
                throw new AssertionError("expected " + n + " bytes within " + within + ", got " + got + " then EOF");
            }
            got += r;
        }
        return out;
    }

    public String readString(int n, Duration within) throws IOException {
        return new String(readExactly(n, within), StandardCharsets.UTF_8);
    }

    /** Waits up to {@code within} for the first event: bytes (consumed), EOF, reset, or silence. */
    public Outcome poll(Duration within) throws IOException {
        try {
            socket.setSoTimeout(Math.max(1, (int) within.toMillis()));
            int r = in.read(new byte[64 * 1024]);
            return r < 0 ? Outcome.EOF : Outcome.DATA;
        } catch (SocketTimeoutException e) {
            return Outcome.SILENT;
        } catch (SocketException e) {
            return isReset(e) ? Outcome.RESET : Outcome.EOF;
        }
    }

    /**
     * Reads and discards data until EOF or reset, up to {@code within}; SILENT when the
     * connection is still open at the end. Returns the bytes read in {@code sink} when given.
     */
    public Outcome drainUntilClosed(Duration within, ByteArrayOutputStream sink) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buffer = new byte[64 * 1024];
        while (System.nanoTime() < deadline) {
            try {
                socket.setSoTimeout(remainingMillis(deadline));
                int r = in.read(buffer);
                if (r < 0) {
                    return Outcome.EOF;
                }
                if (sink != null) {
                    sink.write(buffer, 0, r);
                }
            } catch (SocketTimeoutException e) {
                return Outcome.SILENT;
            } catch (SocketException e) {
                return isReset(e) ? Outcome.RESET : Outcome.EOF;
            }
        }
        return Outcome.SILENT;
    }

    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static boolean isReset(SocketException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("reset");
    }

    private static int remainingMillis(long deadline) {
        return (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }
}
