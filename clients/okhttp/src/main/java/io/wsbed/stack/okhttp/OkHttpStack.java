package io.wsbed.stack.okhttp;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;
import okhttp3.OkHttp;

/** The OkHttp client stack: client role only, no server. */
public final class OkHttpStack implements Stack {

    public static void main(String[] args) {
        StackMain.run(args, new OkHttpStack());
    }

    @Override
    public String id() {
        return "okhttp";
    }

    @Override
    public String name() {
        return "OkHttp WebSocket client";
    }

    @Override
    public String version() {
        return OkHttp.VERSION;
    }

    @Override
    public String heartbeat() {
        return "OkHttp's own pingInterval set to --heartbeat-ms, which fails the socket (SocketTimeoutException)"
                + " when a ping is still unanswered at the next one, so its deadline is one interval and not"
                + " --heartbeat-timeout-ms; the runtime's portable timer stays off, since OkHttp's API can neither"
                + " send a ping nor report a pong to it";
    }

    @Override
    public String sendApi() {
        return "WebSocket.send(text) -> boolean (true = enqueued)";
    }

    @Override
    public ServerEngine newServer() {
        return null;
    }

    @Override
    public ClientEngine newClient() {
        return new OkHttpClientEngine();
    }
}
