package io.wsbed.stack.javawebsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import io.wsbed.stack.api.ServerOptions;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the Java-WebSocket server and client engines against each other in this JVM. */
class JavaWebSocketStackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JwsServerEngine server = new JwsServerEngine();
    private final JwsClientEngine client = new JwsClientEngine();
    private final RecordingListener serverSide = new RecordingListener("server");
    private final RecordingListener clientSide = new RecordingListener("client");

    @AfterEach
    void stopEngines() throws Exception {
        client.close();
        server.close();
    }

    private int startServer() throws Exception {
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, -1), serverSide);
        assertTrue(port > 0, "the server must report the port it really bound, got " + port);
        client.start(new ClientOptions(URI.create("ws://127.0.0.1:" + port + "/ws"), 0, 0, 0,
                ClientOptions.Reconnect.NONE, -1, 3_000, 1));
        return port;
    }

    private Connection[] connect() throws Exception {
        int port = startServer();
        client.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), clientSide).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new Connection[] {clientSide.awaitConnection(WAIT), serverSide.awaitConnection(WAIT)};
    }

    @Test
    void pingIsAnsweredAndThePongReported() throws Exception {
        Connection[] c = connect();
        c[0].sendPing(ByteBuffer.wrap(new byte[] {'h', 'b'}));
        clientSide.await("pong", WAIT);
        c[1].sendPing(ByteBuffer.wrap(new byte[] {'h', 'b'}));
        serverSide.await("pong", WAIT);
    }

    @Test
    void sendAfterLocalCloseThrowsNotConnected() throws Exception {
        Connection[] c = connect();
        c[0].close(1000, "bye");
        clientSide.await("close:1000:bye", WAIT);
        assertThrows(WebsocketNotConnectedException.class,
                () -> c[0].sendText("{\"seq\":99}", new RecordingListener.Outcome()));
    }

    @Test
    void abortDropsTheConnectionWith1006OnBothSides() throws Exception {
        Connection[] c = connect();
        c[0].abort();
        clientSide.awaitMatch(e -> e.startsWith("close:1006"), "a local 1006", WAIT);
        serverSide.awaitMatch(e -> e.startsWith("close:1006"), "a 1006 for the lost peer", WAIT);
    }

    @Test
    void anotherPathIsRejectedAtTheHandshake() throws Exception {
        int port = startServer();
        var attempt = client.connect(URI.create("ws://127.0.0.1:" + port + "/other"), clientSide);
        assertThrows(ExecutionException.class, () -> attempt.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(java.util.List.of(), serverSide.events(), "the server must open no session for another path");
    }

    @Test
    void heartbeatProfileClosesAPeerThatNeverAnswersPingsWithTheLibrarysOwn1006() throws Exception {
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 500, 1_500, -1), serverSide);
        try (Socket silent = new Socket("127.0.0.1", port)) {
            // A bare upgrade, then silence: nothing here ever answers the server's pings.
            silent.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            serverSide.await("open", WAIT);
            long opened = System.nanoTime();
            String close = serverSide.awaitMatch(e -> e.startsWith("close:"), "a close", WAIT);
            long afterMs = (System.nanoTime() - opened) / 1_000_000;
            assertTrue(close.startsWith("close:1006:The connection was closed because the other endpoint did not respond"),
                    "the connection-lost check closes with 1006 and its own reason, got " + close);
            // Checks run every 1 s; the first that finds no pong for 1.5 s closes: at 2 s after the open.
            assertTrue(afterMs >= 1_400 && afterMs < 3_500, "closed " + afterMs + " ms after the open");
        }
    }

    @Test
    void heartbeatTimeoutMapsToTheIntervalWhoseDeadlineIsClosest() {
        assertEquals(1, LostConnectionCheck.intervalSeconds(1_500), "1500 ms = 1.5 x 1 s");
        assertEquals(1, LostConnectionCheck.intervalSeconds(200), "never below 1 s: 0 turns the check off");
        assertEquals(2, LostConnectionCheck.intervalSeconds(3_000));
    }

    @Test
    void versionAndDefaultsComeFromTheLibrary() {
        JavaWebSocketStack stack = new JavaWebSocketStack();
        assertTrue(stack.version().matches("1\\.6\\.\\d+"), "version must be read from the library, got " + stack.version());
        assertTrue(stack.defaults().contains("every 60 s on the server and 60 s on the client"),
                "the shipped connection-lost check is 60 s, got " + stack.defaults());
    }
}
