package io.wsbed.stack.javawebsocket;

import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.ServerOptions;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The server role: one {@link JwsServer} on its own selector thread. */
final class JwsServerEngine implements ServerEngine {
    private static final long START_TIMEOUT_MS = 10_000;
    /** How long {@code stop} lets the closing handshakes run before dropping the connections. */
    private static final int STOP_TIMEOUT_MS = 1_000;

    private JwsServer server;

    @Override
    public int start(ServerOptions options, ConnectionListener listener) throws Exception {
        JwsServer s = new JwsServer(new InetSocketAddress(options.host(), options.port()), options.path(), listener);
        // The library turns SO_REUSEADDR off explicitly (the JDK's ServerSocket has it on by default
        // on Unix); without it a server restarted on the same port after a SIGKILL cannot bind while
        // the old connections sit in TIME_WAIT. This is deployment, not fault handling: the idle and
        // ping settings stay as shipped.
        s.setReuseAddr(true);
        if (options.heartbeat()) {
            s.setConnectionLostTimeout(LostConnectionCheck.intervalSeconds(options.heartbeatTimeoutMs()));
        }
        if (options.idleTimeoutMs() != -1) {
            System.err.println("java-websocket: --idle-timeout-ms " + options.idleTimeoutMs()
                    + " ignored: Java-WebSocket has no idle timeout (only the pong-based connection-lost check)");
        }
        server = s;
        s.start();
        try {
            s.started.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return s.getPort();
    }

    /** The library's pong-based check runs the heartbeat profile; the portable timer stays off. */
    @Override
    public boolean hasBuiltinHeartbeat() {
        return true;
    }

    /** {@code stop} closes every session with 1001, waits up to its bound, then ends the threads. */
    @Override
    public void close() throws Exception {
        JwsServer s = server;
        server = null;
        if (s != null) {
            s.stop(STOP_TIMEOUT_MS);
        }
    }
}
