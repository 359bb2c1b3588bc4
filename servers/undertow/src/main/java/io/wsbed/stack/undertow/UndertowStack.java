package io.wsbed.stack.undertow;

import io.undertow.Version;
import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;

/** The Undertow stack: Undertow's core WebSocket API in the server and the client role. */
public final class UndertowStack implements Stack {

    public static void main(String[] args) {
        // Before any Undertow or XNIO class is touched, so that their first log line is already quiet.
        LibraryLogging.quiet();
        StackMain.run(args, new UndertowStack());
    }

    @Override
    public String id() {
        return "undertow";
    }

    @Override
    public String name() {
        return "Undertow core WebSocket API";
    }

    /** Read from Undertow's own version.properties (io.undertow.Version), e.g. "2.4.4.Final". */
    @Override
    public String version() {
        return Version.getVersionString();
    }

    @Override
    public String heartbeat() {
        return "portable ping timer: Undertow core has no ping scheduler and no pong deadline"
                + " (AbstractReceiveListener only answers pings with pongs, which is kept)";
    }

    @Override
    public String sendApi() {
        return "WebSockets.sendText(text, channel, WebSocketCallback<Void>) -> complete / onError";
    }

    @Override
    public ServerEngine newServer() {
        return new UndertowServerEngine();
    }

    @Override
    public ClientEngine newClient() {
        return new UndertowClientEngine();
    }
}
