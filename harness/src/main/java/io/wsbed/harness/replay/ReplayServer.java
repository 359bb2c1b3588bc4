package io.wsbed.harness.replay;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.replay.wire.WsUrl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code wsbed replay}: a WebSocket server on 127.0.0.1 that plays a {@link ReplayPlan} to every
 * client that connects, each connection on its own from the start of the recording. Closing it
 * drops every connection and returns once its threads are done (bounded): nothing outlives it.
 */
public final class ReplayServer implements AutoCloseable {
    private static final Duration JOIN = Duration.ofSeconds(2);

    private final ServerSocket listener;
    private final ReplayPlan plan;
    private final ReplayEvents events;
    private final ScheduledExecutorService timers;
    private final Thread acceptor;
    private final List<ReplaySession> sessions = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;

    private ReplayServer(ServerSocket listener, ReplayPlan plan, ReplayEvents events) {
        this.listener = listener;
        this.plan = plan;
        this.events = events;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> Lifecycle.daemon("wsbed-replay-timer", r));
        this.acceptor = Lifecycle.daemon("wsbed-replay-accept", this::acceptLoop);
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving; a taken port is a configuration error. */
    public static ReplayServer start(ReplayPlan plan, int port, ReplayEvents events) {
        ServerSocket s;
        try {
            s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw HarnessException.configuration("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + " (pick another --port, or 0 for any free port)");
        }
        ReplayServer server = new ReplayServer(s, plan, events);
        events.emit(ReplayEvents.SERVER, "ready", "port", s.getLocalPort(), "stack", "replay", "role", "server", "url",
                server.url().toString());
        server.acceptor.start();
        return server;
    }

    /** The URL to point a client at. */
    public WsUrl url() {
        return WsUrl.loopback(listener.getLocalPort(), plan.path());
    }

    private void acceptLoop() {
        while (true) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return;
            }
            synchronized (this) {
                if (closed) {
                    Lifecycle.closeQuietly(socket);
                    return;
                }
                ReplaySession session = new ReplaySession("r" + (sessions.size() + 1), socket, plan, events, timers);
                Thread t = Lifecycle.daemon("wsbed-replay-r" + (sessions.size() + 1), session);
                sessions.add(session);
                threads.add(t);
                t.start();
            }
        }
    }

    /** Stops listening, drops every connection, waits (bounded) for the threads, and says {@code stopped}. */
    @Override
    public void close() {
        List<ReplaySession> open;
        List<Thread> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = List.copyOf(sessions);
            running = List.copyOf(threads);
        }
        Lifecycle.closeQuietly(listener);
        open.forEach(ReplaySession::close);
        long deadline = System.nanoTime() + JOIN.toNanos();
        Lifecycle.join(acceptor, JOIN);
        running.forEach(t -> Lifecycle.join(t, Duration.ofNanos(deadline - System.nanoTime())));
        timers.shutdownNow();
        events.emit(ReplayEvents.SERVER, "stopped", "connections", open.size());
    }
}
