package io.wsbed.stack.socketio;

import io.socket.client.IO;
import io.socket.client.Manager;
import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Java socket.io client stack: client role only, socket.io protocol family. */
public final class SocketIoJavaStack implements Stack {

    public static void main(String[] args) {
        StackMain.run(args, new SocketIoJavaStack());
    }

    @Override
    public String id() {
        return "socket.io-java";
    }

    @Override
    public String name() {
        return "socket.io-client (Java)";
    }

    @Override
    public String protocol() {
        return "socket.io";
    }

    /** Read from the jars' Maven metadata, since the library exposes no version constant. */
    @Override
    public String version() {
        return artifactVersion("socket.io-client") + " (engine.io-client " + artifactVersion("engine.io-client") + ")";
    }

    @Override
    public String heartbeat() {
        return "socket.io's own: the server's pingInterval and pingTimeout, sent in the handshake, govern it, and the"
                + " client disconnects with 'ping timeout' when no ping arrives within their sum; the client API has no"
                + " heartbeat setting, so --heartbeat-ms/--heartbeat-timeout-ms change nothing here, and the runtime's"
                + " portable ping stays off (socket.io gives the application no ping to send)";
    }

    @Override
    public String sendApi() {
        return "Socket.emit(\"message\", text) -> no signal (queued on the event thread; while disconnected it is"
                + " buffered and sent on the socket's next connect)";
    }

    /** Read from a Manager built with the shipped options (building one opens nothing). */
    @Override
    public String defaults() {
        IO.Options shipped = new IO.Options();
        Manager m = new Manager(shipped);
        String attempts = m.reconnectionAttempts() == Integer.MAX_VALUE ? "unlimited" : String.valueOf(m.reconnectionAttempts());
        return "reconnection " + (m.reconnection() ? "on" : "off") + " (delay " + m.reconnectionDelay() + " to "
                + m.reconnectionDelayMax() + " ms, randomization " + m.randomizationFactor() + ", attempts " + attempts
                + "); connect timeout " + m.timeout() + " ms (set from --connect-timeout-ms here); transports "
                + (shipped.transports == null ? "engine.io-client's order (polling, then websocket)" : String.join(",", shipped.transports))
                + ", upgrade " + (shipped.upgrade ? "on" : "off") + "; ping interval and timeout from the server";
    }

    @Override
    public ServerEngine newServer() {
        return null;
    }

    @Override
    public ClientEngine newClient() {
        return new SocketIoClientEngine();
    }

    private static String artifactVersion(String artifact) {
        String resource = "/META-INF/maven/io.socket/" + artifact + "/pom.properties";
        try (InputStream in = IO.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
