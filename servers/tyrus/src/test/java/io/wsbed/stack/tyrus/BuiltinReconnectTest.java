package io.wsbed.stack.tyrus;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import io.wsbed.stack.api.ServerOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tyrus's own reconnect brings a new session to the same listener after its fixed delay. */
class BuiltinReconnectTest {
    /** Tyrus's shipped delay is 5 s; the bound leaves room for a slow machine. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void reconnectsAfterTheServerClosesAndReportsANewConnection() throws Exception {
        QuietLogging.apply();
        RecordingListener serverSide = new RecordingListener("server");
        RecordingListener clientSide = new RecordingListener("client");
        StandaloneServerEngine server = new StandaloneServerEngine();
        ClientManagerEngine client = new ClientManagerEngine();
        try {
            int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, -1), serverSide);
            URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
            client.start(new ClientOptions(uri, 0, 0, 0, ClientOptions.Reconnect.BUILTIN, -1, 5_000, 1L));
            client.connect(uri, clientSide).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            Connection first = clientSide.awaitConnection(WAIT);
            serverSide.awaitConnection(WAIT).close(1001, "restarting");
            clientSide.awaitClose(WAIT);
            long closedAt = System.nanoTime();

            Connection second = clientSide.awaitConnection(2, WAIT);
            long delayMs = (System.nanoTime() - closedAt) / 1_000_000;
            assertNotSame(first, second, "a reconnect is a new session with its own Connection");
            assertTrue(delayMs >= 4_000,
                    "Tyrus's default reconnect delay is 5 s; reconnected after " + delayMs + " ms");
        } finally {
            client.close();
            server.close();
        }
    }
}
