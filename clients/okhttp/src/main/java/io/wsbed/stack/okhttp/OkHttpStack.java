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
        return "OkHttp's own pingInterval set to --heartbeat-ms (it fails the socket with SocketTimeoutException"
                + " when a ping's pong is still missing at the next ping, so its deadline is one interval, not"
                + " --heartbeat-timeout-ms); the runtime's portable timer runs too but cannot ping (OkHttp's API has"
                + " no ping method) nor see pongs (no pong callback), so only inbound messages keep it quiet";
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
