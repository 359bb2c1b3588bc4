package io.wsbed.stack.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.timeout.ReadTimeoutException;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import io.wsbed.stack.api.ServerOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the Netty server engine and client engine against each other in one JVM. */
class NettyStackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final NettyServerEngine server = new NettyServerEngine();
    private final NettyClientEngine client = new NettyClientEngine();
    private final RecordingListener serverSide = new RecordingListener("server");
    private final RecordingListener clientSide = new RecordingListener("client");

    @AfterEach
    void stopEngines() {
        client.close();
        server.close();
    }

    @Test
    void versionAndDefaultsComeFromTheLibrary() {
        NettyStack stack = new NettyStack();
        assertTrue(stack.version().startsWith("4.2."), stack.version());
        assertTrue(stack.defaults().contains("max frame payload 65536 B server"), stack.defaults());
    }

    @Test
    void theCloseHandshakeIsReportedOnceOnEachSide() throws Exception {
        Connection[] pair = connect(0, 0);

        pair[0].close(1000, "bye");
        clientSide.await("close:1000:bye", WAIT);
        serverSide.await("close:1000:bye", WAIT);
        // The Close frame's code is kept and reported when the channel goes inactive: one close each.
        assertEquals(List.of("open", "close:1000:bye"), serverSide.events());
        assertEquals(List.of("open", "close:1000:bye"), clientSide.events());
    }

    @Test
    void sendAfterLocalCloseFailsTheFutureWithClosedChannelException() throws Exception {
        Connection[] pair = connect(0, 0);

        pair[1].close(1001, "going");
        RecordingListener.Outcome afterClose = new RecordingListener.Outcome();
        pair[1].sendText("too late", afterClose);

        // Netty fails it with ClosedChannelException, or with its stackless subclass once the channel is
        // fully closed (a race with the close the test just started): either names the closed channel.
        String outcome = afterClose.await(WAIT);
        assertTrue(outcome.matches("failed:(java\\.nio\\.channels\\.|io\\.netty\\.channel\\.Stackless)ClosedChannelException"),
                outcome);
        assertTrue(clientSide.awaitClose(WAIT).startsWith("close:1001:"), clientSide.events().toString());
    }

    @Test
    void abortGivesThePeerNettysDefaultClose1000() throws Exception {
        Connection[] pair = connect(0, 0);

        pair[0].abort();

        // WebSocketProtocolHandler.close writes the config's sendCloseFrame (1000) before the socket closes.
        assertTrue(serverSide.awaitClose(WAIT).startsWith("close:1000:"), serverSide.events().toString());
        assertTrue(clientSide.awaitClose(WAIT).startsWith("close:-1:"), clientSide.events().toString());
    }

    @Test
    void heartbeatPingsAreAnsweredAndKeepAQuietSessionOpen() throws Exception {
        connect(100, 300);

        Thread.sleep(800);

        assertTrue(clientSide.count("pong"::equals) >= 3, "the client saw " + clientSide.events());
        assertEquals(0, clientSide.count(e -> e.startsWith("close:")), "the client saw " + clientSide.events());
    }

    @Test
    void connectToAClosedPortFailsTheFuture() throws Exception {
        client.start(clientOptions(URI.create("ws://127.0.0.1:1/ws"), 0, 0));
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }

        var attempt = client.connect(URI.create("ws://127.0.0.1:" + freePort + "/ws"), clientSide);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> attempt.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertInstanceOf(java.net.ConnectException.class, failure.getCause(), "cause: " + failure.getCause());
    }

    @Test
    void readerIdleReportsReadTimeoutWhenThePeerIsSilent() throws Exception {
        // The server does not ping and pongs nothing of its own; a client with only a reader-idle
        // limit (no pings) hears nothing and gives up.
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, -1), serverSide);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        client.start(new ClientOptions(uri, 0, 0, 300, ClientOptions.Reconnect.NONE, -1, 3_000, 1));
        client.connect(uri, clientSide).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        Throwable error = clientSide.awaitError(WAIT);
        assertInstanceOf(ReadTimeoutException.class, error);
        assertTrue(clientSide.awaitClose(WAIT).startsWith("close:-1:"), clientSide.events().toString());
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
