package io.wsbed.stack.tyrus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wsbed.stack.api.RecordingListener;
import io.wsbed.stack.api.ServerOptions;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server engine's own HTTP shell: where it listens and what plain HTTP gets. */
class StandaloneServerTest {
    private final StandaloneServerEngine server = new StandaloneServerEngine();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listensOnTheRequestedLoopbackAddressOnly() throws Exception {
        QuietLogging.apply();
        int port = server.start(new ServerOptions("127.0.0.2", 0, "/ws", 0, 0, 0, -1), new RecordingListener("server"));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.2", port), 2_000);
        }
        // A 0.0.0.0 listener (what Tyrus's own Server opens) would accept this one too.
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }, "the server bound to 127.0.0.2 must not accept connections on 127.0.0.1:" + port);
    }

    @Test
    void plainHttpAndUnknownPathsGetNotFound() throws Exception {
        QuietLogging.apply();
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, -1), new RecordingListener("server"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : new String[] {"/", "/ws", "/elsewhere"}) {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build();
            assertEquals(404, http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode(),
                    "plain GET " + path + " must be answered, with 404");
        }
    }
}
