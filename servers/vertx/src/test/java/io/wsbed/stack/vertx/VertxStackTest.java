package io.wsbed.stack.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClosedException;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import io.wsbed.stack.api.ServerOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the Vert.x server engine and client engine against each other in one JVM. */
class VertxStackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VertxServerEngine server = new VertxServerEngine();
    private final VertxClientEngine client = new VertxClientEngine();
    private final RecordingListener serverSide = new RecordingListener("server");
    private final RecordingListener clientSide = new RecordingListener("client");

    @AfterEach
    void stopEngines() {
        client.close();
        server.close();
    }

    @Test
    void versionAndDefaultsComeFromTheLibrary() {
        VertxStack stack = new VertxStack();
        assertTrue(stack.version().startsWith("5."), stack.version());
        assertTrue(stack.defaults().startsWith("idle timeout 0 seconds server"), stack.defaults());
    }

    @Test
    void sendAfterTheCloseHandshakeFailsThroughTheFuture() throws Exception {
        Connection[] pair = connect(0, 0);

        pair[0].close(1000, "bye");
        serverSide.await("close:1000:bye", WAIT);
        assertTrue(clientSide.awaitClose(WAIT).startsWith("close:1000:"), clientSide.events().toString());
        RecordingListener.Outcome afterClose = new RecordingListener.Outcome();
        pair[0].sendText("too late", afterClose);
        assertTrue(afterClose.await(WAIT).startsWith("failed:"), "after the close handshake");
    }

    @Test
    void abortClosesWithoutACloseFrameSoThePeerSees1006AndHttpClosedException() throws Exception {
        Connection[] pair = connect(0, 0);

        pair[0].abort();

        assertTrue(serverSide.awaitClose(WAIT).startsWith("close:1006:"), serverSide.events().toString());
        assertInstanceOf(HttpClosedException.class, serverSide.awaitError(WAIT));
    }

    @Test
    void heartbeatPingsAreAnsweredAndKeepAQuietSessionOpen() throws Exception {
        connect(100, 300);

        Thread.sleep(800);

        assertTrue(clientSide.count("pong"::equals) >= 3, "the client saw " + clientSide.events());
        assertEquals(0, clientSide.count(e -> e.startsWith("close:")), "the client saw " + clientSide.events());
    }

    @Test
    void readIdleTimeoutClosesASilentSessionWith1006() throws Exception {
        // No pings: the client's read-idle limit sees nothing from the quiet server.
        connect(0, 300);

        assertTrue(clientSide.awaitClose(WAIT).startsWith("close:1006:"), clientSide.events().toString());
        assertInstanceOf(HttpClosedException.class, clientSide.awaitError(WAIT));
    }

    @Test
    void otherPathIsRejectedAndAClosedPortFailsTheFuture() throws Exception {
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, -1), serverSide);
        client.start(clientOptions(URI.create("ws://127.0.0.1:" + port + "/ws"), 0, 0));
        var wrongPath = client.connect(URI.create("ws://127.0.0.1:" + port + "/other"), clientSide);
        assertThrows(ExecutionException.class, () -> wrongPath.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));

        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        var refused = client.connect(URI.create("ws://127.0.0.1:" + freePort + "/ws"), clientSide);
        assertThrows(ExecutionException.class, () -> refused.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Starts both engines and returns the client's and the server's connection, both open. */
    private Connection[] connect(long heartbeatMs, long heartbeatTimeoutMs) throws Exception {
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, -1), serverSide);
        assertNotEquals(0, port, "the engine must return the bound port, not the requested 0");
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        client.start(clientOptions(uri, heartbeatMs, heartbeatTimeoutMs));
        client.connect(uri, clientSide).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return new Connection[] {clientSide.awaitConnection(WAIT), serverSide.awaitConnection(WAIT)};
    }

    private static ClientOptions clientOptions(URI uri, long heartbeatMs, long heartbeatTimeoutMs) {
        return new ClientOptions(uri, 0, heartbeatMs, heartbeatTimeoutMs, ClientOptions.Reconnect.NONE, -1, 3_000, 1);
    }
}
