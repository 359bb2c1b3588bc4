package io.wsbed.stack.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;
import java.util.Locale;

/** The Vert.x stack: Vert.x core's WebSocket API in the server and the client role. */
public final class VertxStack implements Stack {

    public static void main(String[] args) {
        StackMain.run(args, new VertxStack());
    }

    @Override
    public String id() {
        return "vertx";
    }

    @Override
    public String name() {
        return "Vert.x core WebSocket API";
    }

    /** The Implementation-Version of vertx-core's manifest, e.g. "5.0.7". */
    @Override
    public String version() {
        String v = Vertx.class.getPackage().getImplementationVersion();
        return v == null ? "unknown (no Implementation-Version in the vertx-core manifest)" : v;
    }

    @Override
    public String heartbeat() {
        return "Vert.x's own readIdleTimeout (HttpServerOptions / WebSocketClientOptions, ms) set to"
                + " --heartbeat-timeout-ms closes a silent connection, and writePing every --heartbeat-ms"
                + " (a vertx.setPeriodic timer on the client; the runtime's portable timer on the server) keeps a"
                + " healthy one busy; Vert.x has no ping option and no pong deadline, pongs reach pongHandler";
    }

    @Override
    public String sendApi() {
        return "WebSocketBase.writeTextMessage(text) -> Future<Void> (failed when it fails)";
    }

    /** Read from fresh option objects: what an application gets when it sets nothing. */
    @Override
    public String defaults() {
        HttpServerOptions server = new HttpServerOptions();
        WebSocketClientOptions client = new WebSocketClientOptions();
        return String.format(Locale.ROOT,
                "idle timeout %d %s server, %d %s client (0 = none), read idle %d server, %d client;"
                        + " max message %d B server, %d B client (frame %d B / %d B);"
                        + " closing-handshake timeout %d s server, %d s client;"
                        + " no automatic ping (no ping option; received pings answered)",
                server.getIdleTimeout(), unit(server.getIdleTimeoutUnit()),
                client.getIdleTimeout(), unit(client.getIdleTimeoutUnit()),
                server.getReadIdleTimeout(), client.getReadIdleTimeout(),
                server.getMaxWebSocketMessageSize(), client.getMaxMessageSize(),
                server.getMaxWebSocketFrameSize(), client.getMaxFrameSize(),
                server.getWebSocketClosingTimeout(), client.getClosingTimeout());
    }

    private static String unit(java.util.concurrent.TimeUnit unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public ServerEngine newServer() {
        return new VertxServerEngine();
    }

    @Override
    public ClientEngine newClient() {
        return new VertxClientEngine();
    }
}
