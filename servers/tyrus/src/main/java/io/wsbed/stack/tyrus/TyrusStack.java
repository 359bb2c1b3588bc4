package io.wsbed.stack.tyrus;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;

/** Tyrus, the Jakarta WebSocket reference implementation, standalone on Grizzly: server and client. */
public final class TyrusStack implements Stack {

    public static void main(String[] args) {
        QuietLogging.apply();
        StackMain.run(args, new TyrusStack());
    }

    @Override
    public String id() {
        return "tyrus";
    }

    @Override
    public String name() {
        return "Tyrus (Jakarta WebSocket, standalone Grizzly)";
    }

    @Override
    public String version() {
        return LibraryVersion.tyrus();
    }

    @Override
    public String heartbeat() {
        return "portable ping timer: Tyrus's TyrusSession.setHeartbeatInterval only sends unsolicited pongs"
                + " and never checks for a reply, so it cannot declare a peer dead";
    }

    @Override
    public String sendApi() {
        return "session.getAsyncRemote().sendText(text, SendHandler) -> SendResult callback";
    }

    @Override
    public ServerEngine newServer() {
        return new StandaloneServerEngine();
    }

    @Override
    public ClientEngine newClient() {
        return new ClientManagerEngine();
    }
}
