package io.wsbed.stack.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the OkHttp client engine against a MockWebServer WebSocket in the same JVM. */
class OkHttpClientEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClientEngine client = new OkHttpClientEngine();
    private final RecordingListener clientSide = new RecordingListener("client");
    private PeerRecorder serverSide = new PeerRecorder();

    @AfterEach
    void stopEverything() throws Exception {
        client.close();
        serverSide.thaw();
        server.close();
    }

    @Test
    void textRoundTripAndTheClientsCloseCodeReachBothSides() throws Exception {
        Connection connection = connect(0);

        RecordingListener.Outcome sent = new RecordingListener.Outcome();
        connection.sendText("hello", sent);
        assertEquals("ok", sent.await(WAIT));
        clientSide.await("text:echo hello", WAIT);

        connection.close(1000, "bye");
        assertEquals(new PeerRecorder.Close(1000, "bye"), serverSide.awaitClosing(WAIT));
        // The client reports the close when the server's answer arrives (OkHttp's onClosing).
        clientSide.await("close:1000:bye", WAIT);

        // Once a Close frame is queued OkHttp refuses every message by returning false.
        RecordingListener.Outcome afterClose = new RecordingListener.Outcome();
        connection.sendText("too late", afterClose);
        assertEquals("false", afterClose.await(WAIT));

        // The recorder marks a call on any other Connection instance than the one that opened.
        assertEquals(List.of("open", "text:echo hello", "close:1000:bye"), clientSide.events(),
                "one close, no error, in this order, all on the session's one Connection");
    }

    @Test
    void serversCloseCodeReachesTheClientWhichAnswersIt() throws Exception {
        connect(0);

        serverSide.awaitOpen(WAIT).close(4001, "server says bye");

        assertEquals("close:4001:server says bye", clientSide.awaitClose(WAIT));
        // OkHttp never answers a Close frame by itself: the server's onClosed proves the engine did.
        assertEquals(4001, serverSide.awaitClosed(WAIT).code());
    }

    @Test
    void abortDropsTheConnectionWithoutACloseFrameAndReportsNoCode() throws Exception {
        Connection connection = connect(0);

        connection.abort();

        // Cancelling closes the socket under OkHttp's own reader thread, which reports that as a failure.
        Throwable clientError = clientSide.awaitError(WAIT);
        assertInstanceOf(SocketException.class, clientError);
        // The server read end-of-stream where a frame header should be: no Close frame was sent.
        assertInstanceOf(EOFException.class, serverSide.awaitFailure(WAIT));
        assertEquals(List.of("open", "error:" + clientError.getClass().getName()), clientSide.events(),
                "OkHttp has no close code for a dropped connection");
    }

    @Test
    void heartbeatFailsTheSocketWhenThePeerStopsAnsweringPings() throws Exception {
        // A server whose reader thread is stuck never queues its automatic pongs.
        serverSide = new PeerRecorder(WAIT);
        connect(200);

        Throwable error = clientSide.awaitError(WAIT);

        SocketTimeoutException timeout = assertInstanceOf(SocketTimeoutException.class, error);
        assertTrue(timeout.getMessage().contains("didn't receive pong within 200ms"), timeout.getMessage());
    }

    @Test
    void refusedConnectionFailsTheAttemptWithoutAnOpen() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        client.start(options(URI.create("ws://127.0.0.1:" + closedPort + "/ws"), 0));

        CompletableFuture<?> attempt = client.connect(URI.create("ws://127.0.0.1:" + closedPort + "/ws"), clientSide);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> attempt.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertInstanceOf(ConnectException.class, failure.getCause());
        assertEquals(List.of(), clientSide.events(), "a failed attempt reports nothing to the listener");
    }

    /** Starts the server and the engine, opens one session, and waits until both sides see it. */
    private Connection connect(long heartbeatMs) throws Exception {
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(serverSide).build());
        server.start(InetAddress.getLoopbackAddress(), 0);
        URI url = URI.create("ws://127.0.0.1:" + server.getPort() + "/ws");
        client.start(options(url, heartbeatMs));
        client.connect(url, clientSide).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        serverSide.awaitOpen(WAIT);
        return clientSide.awaitConnection(WAIT);
    }

    private static ClientOptions options(URI url, long heartbeatMs) {
        return new ClientOptions(url, 0, heartbeatMs, heartbeatMs == 0 ? 0 : 3 * heartbeatMs,
                ClientOptions.Reconnect.NONE, -1, 3_000, 1);
    }
}
