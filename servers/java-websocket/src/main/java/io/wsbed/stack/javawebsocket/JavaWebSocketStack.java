package io.wsbed.stack.javawebsocket;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Properties;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;

/** The Java-WebSocket stack: {@code WebSocketServer} and {@code WebSocketClient} in both roles. */
public final class JavaWebSocketStack implements Stack {
    /** The jar carries no Implementation-Version; Maven's pom.properties in it names the version. */
    private static final String POM_PROPERTIES = "/META-INF/maven/org.java-websocket/Java-WebSocket/pom.properties";

    public static void main(String[] args) {
        StackMain.run(args, new JavaWebSocketStack());
    }

    @Override
    public String id() {
        return "java-websocket";
    }

    @Override
    public String name() {
        return "Java-WebSocket (TooTallNate)";
    }

    @Override
    public String version() {
        try (InputStream in = WebSocketImpl.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown (no " + POM_PROPERTIES + " in the Java-WebSocket jar)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown (no version in " + POM_PROPERTIES + ")");
        } catch (IOException e) {
            return "unknown (" + e + ")";
        }
    }

    @Override
    public String heartbeat() {
        return "the library's own connection-lost check, setConnectionLostTimeout(1) (whole seconds only):"
                + " it pings every 1000 ms (not 500 ms) and closes with 1006 at the first check that finds the"
                + " last pong older than 1.5 x 1 s = 1500 ms, so a dead peer is dropped 1 to 2 s after it died;"
                + " the portable timer stays off";
    }

    @Override
    public String sendApi() {
        return "WebSocket.send(String) (queues and returns; throws WebsocketNotConnectedException when not open)";
    }

    /**
     * Read from unstarted server and client objects (constructing them binds and connects nothing)
     * and from the draft each uses: the server falls back to a {@code new Draft_6455()} when given no
     * drafts ({@code WebSocketImpl}'s constructor), the client is built with one.
     */
    @Override
    public String defaults() {
        JwsServer server = new JwsServer(new InetSocketAddress("127.0.0.1", 0), "/", null);
        JwsClient client = new JwsClient(URI.create("ws://127.0.0.1:1/"), 0, null, ended -> { });
        Draft serverDraft = server.getDraft().isEmpty() ? new Draft_6455() : server.getDraft().get(0);
        return String.format(Locale.ROOT,
                "no idle timeout (no such setting); automatic ping on: connection-lost check every %d s on the"
                        + " server and %d s on the client, closing with 1006 when the last pong is older than 1.5x that;"
                        + " max frame %s B (server), %s B (client); TCP_NODELAY %s (server), %s (client)",
                server.getConnectionLostTimeout(), client.getConnectionLostTimeout(),
                maxFrame(serverDraft), maxFrame(client.getDraft()),
                server.isTcpNoDelay() ? "on" : "off", client.isTcpNoDelay() ? "on" : "off");
    }

    private static String maxFrame(Draft draft) {
        return draft instanceof Draft_6455 d ? Integer.toString(d.getMaxFrameSize()) : "unknown (" + draft + ")";
    }

    @Override
    public ServerEngine newServer() {
        return new JwsServerEngine();
    }

    @Override
    public ClientEngine newClient() {
        return new JwsClientEngine();
    }
}
