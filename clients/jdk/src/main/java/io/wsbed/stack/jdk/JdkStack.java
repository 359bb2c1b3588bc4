package io.wsbed.stack.jdk;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;

/** The JDK client stack: client role only, no server. */
public final class JdkStack implements Stack {

    public static void main(String[] args) {
        StackMain.run(args, new JdkStack());
    }

    @Override
    public String id() {
        return "jdk";
    }

    @Override
    public String name() {
        return "JDK java.net.http.WebSocket";
    }

    @Override
    public String version() {
        return "java " + Runtime.version();
    }

    @Override
    public String heartbeat() {
        return "portable ping timer: the JDK client sends no pings and has no pong deadline";
    }

    @Override
    public String sendApi() {
        return "WebSocket.sendText(text, true) -> CompletableFuture";
    }

    @Override
    public ServerEngine newServer() {
        return null;
    }

    @Override
    public ClientEngine newClient() {
        return new JdkClientEngine();
    }
}
