package io.wsbed.harness.replay;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.Opcode;
import io.wsbed.harness.replay.wire.WsSocket;
import io.wsbed.harness.replay.wire.WsUrl;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code wsbed record --url}: connects to a server as a client and records every frame both ways
 * until the server ends the session or {@link #stop} is called. It answers pings with pongs and a
 * Close with a Close, as any client would; both answers are in the recording.
 */
public final class Recorder implements AutoCloseable {
    /** Bounds the connection and handshake, and each side of the closing handshake. */
    static final Duration STEP = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final WsSocket ws;
    private final RecordingSession session;
    private final Thread reader;
    private boolean closeSent;

    private Recorder(WsSocket ws, RecordingSession session) {
        this.ws = ws;
        this.session = session;
        this.reader = Lifecycle.daemon("wsbed-record-reader", this::readLoop);
    }

    /**
     * Connects and starts recording into {@code file}. A server that cannot be reached or refuses
     * the upgrade is a one-line configuration error, and no file is written.
     *
     * @param onEnd runs once, when the session has ended and the recording is complete
     */
    public static Recorder start(WsUrl url, Path file, Runnable onEnd) {
        RecordingWriter writer = RecordingWriter.open(file);
        WsSocket ws;
        try {
            ws = WsSocket.connect(url, STEP);
        } catch (IOException e) {
            writer.discard();
            throw unreachable(url, e);
        }
        Recorder r = new Recorder(ws, RecordingSession.start(writer, "client", url.toString(), null,
                ws.openedNanos(), onEnd));
        r.reader.start();
        return r;
    }

    /** The one-line error for a server that could not be reached or did not upgrade. */
    static HarnessException unreachable(WsUrl url, IOException e) {
        String why = e instanceof SocketTimeoutException ? "no answer within " + STEP.toSeconds() + " s"
                : e instanceof java.net.UnknownHostException ? "unknown host " + url.host()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return HarnessException.configuration("cannot open " + url + ": " + why
                + " (is a WebSocket server listening there, on that path?)");
    }

    private void readLoop() {
        IOException error = null;
        try {
            for (Frame f = ws.read(); f != null; f = ws.read()) {
                session.frame(Peer.SERVER, f, ws.lastFrameStartNanos());
                if (f.opcode() == Opcode.PING) {
                    send(Frame.pong(f.payload()));
                } else if (f.opcode() == Opcode.CLOSE) {
                    answerClose(f);
                }
            }
        } catch (SocketTimeoutException e) {
            // The server did not end the TCP connection after the Close exchange: the session is over anyway.
        } catch (IOException e) {
            error = session.closing() || ws.isClosed() ? null : e;
        }
        ws.close();
        session.ended(Peer.SERVER, error);
    }

    /**
     * The server's Close: echoed with its code (RFC 6455 section 5.5.1) unless this side's Close
     * went first, then a bounded wait for the server to end the TCP connection (section 7.1.1).
     */
    private void answerClose(Frame close) throws IOException {
        send(close.closeCode().isPresent() ? Frame.close(close.closeCode().getAsInt(), "")
                : new Frame(true, Opcode.CLOSE, new byte[0]));
        ws.readTimeout(CLOSE_WAIT);
    }

    /** Sends and records a frame; a second Close is never sent. */
    private synchronized void send(Frame f) throws IOException {
        if (f.opcode() == Opcode.CLOSE) {
            if (closeSent) {
                return;
            }
            closeSent = true;
        }
        long now = System.nanoTime();
        ws.send(f);
        session.frame(Peer.CLIENT, f, now);
    }

    /**
     * Ends the session from this side: a Close 1000 with {@code why}, then (bounded) the server's
     * Close and the end of the connection. Does nothing when the session has already ended.
     */
    public void stop(String why) {
        if (!session.hasEnded()) {
            session.stopping(why);
            try {
                send(Frame.close(1000, "wsbed record: " + why));
                ws.readTimeout(CLOSE_WAIT);
            } catch (IOException e) {
                ws.close();
            }
        }
        Lifecycle.join(reader, CLOSE_WAIT.plusSeconds(1));
        ws.close();
        Lifecycle.join(reader, CLOSE_WAIT);
    }

    /** What was recorded, in one line. */
    public String summary() {
        return session.summary();
    }

    @Override
    public void close() {
        ws.close();
        Lifecycle.join(reader, CLOSE_WAIT);
        session.close();
    }
}
