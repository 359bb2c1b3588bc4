package io.wsbed.stack.spring;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;

/** Spring Boot 4 with a plain spring-websocket handler on embedded Tomcat: server only. */
public final class SpringStack implements Stack {

    public static void main(String[] args) {
        StackMain.run(args, new SpringStack());
    }

    @Override
    public String id() {
        return "spring";
    }

    @Override
    public String name() {
        return "Spring Boot 4 (spring-websocket WebSocketHandler, embedded Tomcat)";
    }

    @Override
    public String version() {
        return LibraryFacts.version();
    }

    @Override
    public String heartbeat() {
        return "portable ping timer through WebSocketSession.sendMessage(PingMessage) with a pong deadline:"
                + " Spring schedules heartbeats only for SockJS (setHeartbeatTime) and STOMP (heartbeat values),"
                + " never for a plain WebSocketHandler";
    }

    @Override
    public String sendApi() {
        return "ConcurrentWebSocketSessionDecorator.sendMessage(TextMessage) (blocking; returns when sent or buffered)";
    }

    @Override
    public String defaults() {
        return LibraryFacts.defaults();
    }

    @Override
    public ServerEngine newServer() {
        return new BootServerEngine();
    }

    @Override
    public ClientEngine newClient() {
        return null;
    }
}
