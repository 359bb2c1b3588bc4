package io.wsbed.harness.replay;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.Handshake;
import io.wsbed.harness.replay.wire.HttpHead;
import io.wsbed.harness.replay.wire.WsSocket;
import io.wsbed.harness.replay.wire.WsUrl;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code wsbed record --listen}: a WebSocket proxy on loopback in front of a server, recording both
 * directions of the first client's session frame by frame while passing every frame on unchanged.
 * The client changes nothing but its URL. The upgrade request goes upstream as the client sent it
 * (its headers, key and subprotocols) except Host, and without Sec-WebSocket-Extensions, so that no
 * compression makes the frames unreadable. One session: later connections are refused, and when
 * either side ends the connection the proxy ends the other.
 */
public final class RecordingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final WsUrl upstream;
    private final RecordingWriter writer;
    private final Runnable onEnd;
    private final Thread acceptor;
    private final AtomicReference<Relay> relay = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean stopped;

    private RecordingProxy(ServerSocket listener, WsUrl upstream, RecordingWriter writer, Runnable onEnd) {
        this.listener = listener;
        this.upstream = upstream;
        this.writer = writer;
        this.onEnd = onEnd;
        this.acceptor = Lifecycle.daemon("wsbed-record-proxy", this::acceptOne);
    }

    /**
     * Checks that the server answers on TCP, binds {@code listen} and waits for one client.
     * An unreachable server or a taken port is a one-line configuration error.
     *
     * @param onEnd runs once, when the proxied session has ended and the recording is complete
     */
    public static RecordingProxy start(InetSocketAddress listen, WsUrl upstream, Path file, Runnable onEnd) {
        if (!listen.getAddress().isLoopbackAddress()) {
            throw HarnessException.configuration("--listen " + listen.getHostString() + " is not a loopback address: "
                    + "the proxy listens on loopback only (e.g. --listen 127.0.0.1:9000)");
        }
        try (Socket probe = WsSocket.dial(upstream, Recorder.STEP)) {
            probe.getInputStream();
        } catch (IOException e) {
            throw Recorder.unreachable(upstream, e);
        }
        ServerSocket s;
        try {
            s = new ServerSocket();
            s.bind(listen);
        } catch (IOException e) {
            throw HarnessException.configuration("cannot listen on " + listen.getHostString() + ":" + listen.getPort()
                    + ": " + e.getMessage() + " (pick another port, or 0 for any)");
        }
        RecordingWriter writer;
        try {
            writer = RecordingWriter.open(file);
        } catch (RuntimeException e) {
            Lifecycle.closeQuietly(s);
            throw e;
        }
        RecordingProxy p = new RecordingProxy(s, upstream, writer, onEnd);
        p.acceptor.start();
        return p;
    }

    /** The URL to point the client at: the proxy's address with the upstream's path. */
    public WsUrl url() {
        return WsUrl.loopback(listener.getLocalPort(), upstream.target());
    }

    private void acceptOne() {
        Socket client;
        try {
            client = listener.accept();
        } catch (IOException e) {
            return;
        } finally {
            Lifecycle.closeQuietly(listener);
        }
        try {
            relay.set(Relay.open(client, upstream, writer, onEnd));
        } catch (IOException | RuntimeException e) {
            failure.set(e.getMessage());
            onEnd.run();
        }
    }


    /** Whether a client's session is being (or was) recorded. */
    public boolean recording() {
        return relay.get() != null;
    }

    /** Why the client's upgrade could not be relayed, or null. */
    public String failure() {
        return failure.get();
    }

    /** What was recorded, in one line. */
    public String summary() {
        Relay r = relay.get();
        return r == null ? "no session was recorded" : r.session.summary();
    }

    /** Ends the session (both connections dropped, the end line says the recorder stopped it) and stops listening. */
    public void stop(String why) {
        stopped = true;
        Lifecycle.closeQuietly(listener);
        Lifecycle.join(acceptor, Recorder.STEP);
        Relay r = relay.get();
        if (r != null) {
            r.stop(why);
        }
        writer.discard();
    }

    @Override
    public void close() {
        stop("closed");
    }

    /** The two connections of the proxied session and the threads that copy frames between them. */
    private static final class Relay {
        private final WsSocket client;
        private final WsSocket server;
        private final RecordingSession session;
        private final Thread up;
        private final Thread down;

        private Relay(WsSocket client, WsSocket server, RecordingSession session) {
            this.client = client;
            this.server = server;
            this.session = session;
            this.up = pipe(client, server, Peer.CLIENT);
            this.down = pipe(server, client, Peer.SERVER);
        }

        /** Passes the upgrade on; on a 101 starts recording, otherwise hands the refusal to the client and fails. */
        static Relay open(Socket clientSocket, WsUrl upstream, RecordingWriter writer, Runnable onEnd) throws IOException {
            Socket serverSocket = null;
            try {
                clientSocket.setTcpNoDelay(true);
                clientSocket.setSoTimeout((int) Recorder.STEP.toMillis());
                InputStream clientIn = new BufferedInputStream(clientSocket.getInputStream(), 64 * 1024);
                HttpHead request = HttpHead.read(clientIn);
                serverSocket = dialOrRefuse(clientSocket, upstream);
                serverSocket.setSoTimeout((int) Recorder.STEP.toMillis());
                serverSocket.getOutputStream().write(request.without("Sec-WebSocket-Extensions")
                        .with("Host", upstream.hostHeader())
                        .withStartLine("GET " + upstream.target() + " HTTP/1.1").bytes());
                BufferedInputStream serverIn = new BufferedInputStream(serverSocket.getInputStream(), 64 * 1024);
                long opened = WsSocket.firstByteNanos(serverIn);
                HttpHead response = HttpHead.read(serverIn);
                clientSocket.getOutputStream().write(response.without("Sec-WebSocket-Extensions").bytes());
                if (response.status() != 101) {
                    throw new IOException(upstream + " refused the client's upgrade: '" + response.startLine() + "'");
                }
                clientSocket.setSoTimeout(0);
                serverSocket.setSoTimeout(0);
                RecordingSession session = RecordingSession.start(writer, "proxy", upstream.toString(),
                        response.header("Sec-WebSocket-Protocol").orElse(null), opened, onEnd);
                Relay r = new Relay(WsSocket.serverSide(clientSocket, clientIn, opened),
                        WsSocket.clientSide(serverSocket, serverIn, opened), session);
                r.up.start();
                r.down.start();
                return r;
            } catch (IOException | RuntimeException e) {
                Lifecycle.closeQuietly(clientSocket);
                if (serverSocket != null) {
                    Lifecycle.closeQuietly(serverSocket);
                }
                throw e;
            }
        }

        private static Socket dialOrRefuse(Socket client, WsUrl upstream) throws IOException {
            try {
                return WsSocket.dial(upstream, Recorder.STEP);
            } catch (IOException e) {
                client.getOutputStream().write(Handshake.refusal(502, "Bad Gateway", "wsbed record: cannot reach "
                        + upstream + ": " + e.getMessage()));
                throw new IOException("cannot reach " + upstream + ": " + e.getMessage(), e);
            }
        }

        /** Copies frames one way, recording each; when its stream ends, both connections are ended. */
        private Thread pipe(WsSocket from, WsSocket to, Peer peer) {
            return Lifecycle.daemon("wsbed-record-" + peer.id(), () -> {
                IOException error = null;
                try {
                    for (Frame f = from.read(); f != null; f = from.read()) {
                        session.frame(peer, f, from.lastFrameStartNanos());
                        to.send(f);
                    }
                } catch (IOException e) {
                    error = from.isClosed() ? null : e;
                }
                session.ended(peer, error);
                client.close();
                server.close();
            });
        }

        void stop(String why) {
            session.stopping(why);
            client.close();
            server.close();
            Lifecycle.join(up, Recorder.STEP);
            Lifecycle.join(down, Recorder.STEP);
            session.close();
        }
    }
}
