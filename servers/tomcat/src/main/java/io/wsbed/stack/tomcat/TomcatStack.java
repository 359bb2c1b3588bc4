package io.wsbed.stack.tomcat;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;

/** Apache Tomcat 11's Jakarta WebSocket implementation, embedded: server and client. */
public final class TomcatStack implements Stack {

    public static void main(String[] args) {
        QuietLogging.apply();
        StackMain.run(args, new TomcatStack());
    }

    @Override
    public String id() {
        return "tomcat";
    }

    @Override
    public String name() {
        return "Tomcat 11 (Jakarta WebSocket, embedded)";
    }

    @Override
    public String version() {
        return LibraryFacts.version();
    }

    @Override
    public String heartbeat() {
        return "portable ping timer through session.getAsyncRemote().sendPing with a pong deadline:"
                + " Tomcat's WebSocket has no ping of its own, only setMaxIdleTimeout, which its background"
                + " thread checks once per process period";
    }

    @Override
    public String sendApi() {
        return "session.getAsyncRemote().sendText(text, SendHandler) -> SendResult callback";
    }

    @Override
    public String defaults() {
        return LibraryFacts.defaults();
    }

    @Override
    public ServerEngine newServer() {
        return new EmbeddedServerEngine();
    }

    @Override
    public ClientEngine newClient() {
        return new WsContainerClientEngine();
    }
}
