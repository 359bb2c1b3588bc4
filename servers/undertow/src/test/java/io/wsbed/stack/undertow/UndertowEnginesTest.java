package io.wsbed.stack.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import io.wsbed.stack.api.ServerOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the Undertow server engine and client engine against each other in one JVM. */
class UndertowEnginesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final UndertowServerEngine server = new UndertowServerEngine();
    private final UndertowClientEngine client = new UndertowClientEngine();
    private final RecordingListener serverSide = new RecordingListener("server");
    private final RecordingListener clientSide = new RecordingListener("client");

    @AfterEach
    void stopEngines() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void closeIsReportedOnceOnEachSideAndALaterSendFailsWithChannelIsClosed() throws Exception {
        Connection[] pair = connect(-1);

        pair[0].close(1000, "bye");
        // The server sees the client's frame; the client sees Undertow's echo of it.
        serverSide.await("close:1000:bye", WAIT);
        clientSide.await("close:1000:bye", WAIT);
        RecordingListener.Outcome afterClose = new RecordingListener.Outcome();
        pair[0].sendText("too late", afterClose);
        assertEquals("failed:java.io.IOException", afterClose.await(WAIT));
        assertEquals("UT002002: Channel is closed", afterClose.error().getMessage());
        assertEquals(List.of("open", "close:1000:bye"), serverSide.events());
        assertEquals(List.of("open", "close:1000:bye"), clientSide.events());
    }

    @Test
    void abortGivesThePeerUndertowsPeerWentAwayCloseAndTheAborterNoCode() throws Exception {
        Connection[] pair = connect(-1);

        pair[0].abort();

        // No Close frame on the wire: Undertow's FIN handling reports its own 1001 to the server...
        assertEquals("close:1001:UT002046: Closing WebSocket, peer went away.", serverSide.awaitClose(WAIT));
        // ...while the aborting side only gets the channel's close listener, with no code.
        assertEquals("close:-1:", clientSide.awaitClose(WAIT));
    }

    @Test
    void idleTimeoutOptionMakesUndertowCloseAQuietSessionWithGoingAway() throws Exception {
        connect(300);

        // WebSocketChannel.setIdleTimeout(300) on the server: its IdleTimeoutConduit sends Close 1001.
        assertTrue(clientSide.awaitClose(WAIT).startsWith("close:1001:"), "client saw " + clientSide.events());
        assertTrue(serverSide.awaitClose(WAIT).startsWith("close:1001:"), "the server gets the client's echo: "
                + serverSide.events());
    }

    @Test
    void connectToAClosedPortFailsTheFuture() throws Exception {
        client.start(clientOptions(URI.create("ws://127.0.0.1:1/ws"), -1));
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }

        var attempt = client.connect(URI.create("ws://127.0.0.1:" + freePort + "/ws"), clientSide);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> attempt.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertInstanceOf(IOException.class, failure.getCause(), "cause: " + failure.getCause());
    }

    /** Starts both engines and returns the client's and the server's connection, both open. */
    private Connection[] connect(long serverIdleTimeoutMs) throws Exception {
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, serverIdleTimeoutMs), serverSide);
        assertNotEquals(0, port, "the engine must return the bound port, not the requested 0");
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        client.start(clientOptions(uri, -1));
        client.connect(uri, clientSide).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Connection clientConnection = clientSide.awaitConnection(WAIT);
        Connection serverConnection = serverSide.awaitConnection(WAIT);
        assertTrue(clientConnection instanceof UndertowConnection);
        return new Connection[] {clientConnection, serverConnection};
    }

    private static ClientOptions clientOptions(URI uri, long idleTimeoutMs) {
        return new ClientOptions(uri, 0, 0, 0, ClientOptions.Reconnect.NONE, idleTimeoutMs, 3_000, 1);
    }
}
