package io.wsbed.stack.jetty;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;
import org.eclipse.jetty.websocket.api.Session;

/** The Jetty stack: Jetty 12's native WebSocket API in both roles. */
public final class JettyStack implements Stack {

    public static void main(String[] args) {
        CacheLineHint.apply();
        StackMain.run(args, new JettyStack());
    }

    @Override
    public String id() {
        return "jetty";
    }

    @Override
    public String name() {
        return "Jetty 12 (native WebSocket API)";
    }

    /**
     * The Implementation-Version of the jar that holds the WebSocket API. Read from the manifest
     * rather than {@code org.eclipse.jetty.util.Jetty.VERSION}, whose static initializer does more
     * work than a version lookup needs.
     */
    @Override
    public String version() {
        String version = Session.class.getPackage().getImplementationVersion();
        return version == null ? "unknown (no Implementation-Version in the jetty-websocket-jetty-api manifest)" : version;
    }

    @Override
    public String heartbeat() {
        return "portable ping timer: Jetty sends no pings of its own and has no pong deadline"
                + " (only the idle timeout, which any traffic resets)";
    }

    @Override
    public String sendApi() {
        return "Session.sendText(text, Callback) (no blocking variant in Jetty 12)";
    }

    @Override
    public ServerEngine newServer() {
        return new JettyServerEngine();
    }

    @Override
    public ClientEngine newClient() {
        return new JettyClientEngine();
    }
}
