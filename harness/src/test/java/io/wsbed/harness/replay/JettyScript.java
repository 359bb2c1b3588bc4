package io.wsbed.harness.replay;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A real WebSocket server for the tests (Jetty 12, the reference server's library) on 127.0.0.1
 * that plays a fixed script to each session from its open: texts, binaries, pings and a close at
 * given milliseconds. It answers every text with {@code echo:<text>}.
 */
final class JettyScript implements AutoCloseable {
    private final List<Step> steps = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private Server server;
    private ServerConnector connector;

    /** One action of the script, {@code atMs} after the session opened. */
    record Step(long atMs, Consumer<Session> action) {
    }

    JettyScript text(long atMs, String text) {
        steps.add(new Step(atMs, s -> s.sendText(text, Callback.NOOP)));
        return this;
    }

    JettyScript binary(long atMs, byte[] data) {
        steps.add(new Step(atMs, s -> s.sendBinary(ByteBuffer.wrap(data), Callback.NOOP)));
        return this;
    }

    JettyScript ping(long atMs) {
        steps.add(new Step(atMs, s -> s.sendPing(ByteBuffer.wrap(new byte[] {7}), Callback.NOOP)));
        return this;
    }

    JettyScript close(long atMs, int code, String reason) {
        steps.add(new Step(atMs, s -> s.close(code, reason, Callback.NOOP)));
        return this;
    }

    JettyScript start() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxBinaryMessageSize(4 * 1024 * 1024);
            container.setMaxTextMessageSize(4 * 1024 * 1024);
            container.addMapping("/ws", (request, response, callback) -> new Endpoint(this));
        }));
        server.start();
        return this;
    }

    String url() {
        return "ws://127.0.0.1:" + connector.getLocalPort() + "/ws";
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        if (server != null) {
            server.stop();
        }
    }

    /** Public: Jetty binds listener methods through a public lookup. */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final JettyScript script;
        private Session session;

        Endpoint(JettyScript script) {
            this.script = script;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            for (Step step : script.steps) {
                script.timer.schedule(() -> step.action().accept(s), step.atMs(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void onWebSocketText(String message) {
            session.sendText("echo:" + message, Callback.NOOP);
        }
    }
}
