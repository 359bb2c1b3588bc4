package io.wsbed.stack.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import io.wsbed.stack.api.ServerOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the Jetty server and client engines against each other in this JVM. */
class JettyStackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JettyServerEngine server = new JettyServerEngine();
    private final JettyClientEngine client = new JettyClientEngine();
    private final RecordingListener serverSide = new RecordingListener("server");
    private final RecordingListener clientSide = new RecordingListener("client");

    @AfterEach
    void stopEngines() throws Exception {
        client.close();
        server.close();
    }

    private Connection[] connect(long serverIdleTimeoutMs) throws Exception {
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, serverIdleTimeoutMs), serverSide);
        assertTrue(port > 0, "the server must report the port it really bound, got " + port);
        client.start(new ClientOptions(URI.create("ws://127.0.0.1:" + port + "/ws"), 0, 0, 0,
                ClientOptions.Reconnect.NONE, -1, 3_000, 1));
        client.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), clientSide).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new Connection[] {clientSide.awaitConnection(WAIT), serverSide.awaitConnection(WAIT)};
    }

    @Test
    void pingIsReportedAndStillAnsweredWithPong() throws Exception {
        Connection[] c = connect(-1);
        c[0].sendPing(ByteBuffer.wrap(new byte[] {'h', 'b'}));
        // The endpoint overrides onWebSocketPing, which turns Jetty's automatic pong off: the pong
        // the client gets back is the one the endpoint sends itself.
        serverSide.await("pong", WAIT);
        clientSide.await("pong", WAIT);
    }

    @Test
    void sendAfterLocalCloseFailsThroughTheCallback() throws Exception {
        Connection[] c = connect(-1);
        c[0].close(1000, "bye");
        clientSide.await("close:1000:bye", WAIT);
        RecordingListener.Outcome late = new RecordingListener.Outcome();
        c[0].sendText("{\"seq\":99}", late);
        assertEquals("failed:java.nio.channels.ClosedChannelException", late.await(WAIT));
    }

    @Test
    void serverIdleTimeoutOptionClosesAQuietSessionWith1001() throws Exception {
        connect(300);
        String close = clientSide.awaitMatch(e -> e.startsWith("close:"), "a close", WAIT);
        assertEquals("close:1001:Connection Idle Timeout", close);
        serverSide.awaitMatch(e -> e.startsWith("close:1001"), "a close with 1001", WAIT);
    }

    @Test
    void versionComesFromTheJettyJar() {
        assertTrue(new JettyStack().version().matches("12\\.1\\.\\d+"),
                "version must be read from the library, got " + new JettyStack().version());
    }
}
