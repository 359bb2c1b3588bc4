package io.wsbed.stack.tomcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import io.wsbed.stack.api.ServerOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs Tomcat's server engine and client engine against each other in this JVM. */
class TomcatStackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingListener serverSide = new RecordingListener("server");
    private final RecordingListener clientSide = new RecordingListener("client");
    private EmbeddedServerEngine server;
    private WsContainerClientEngine client;
    private Connection atServer;
    private Connection atClient;

    @BeforeEach
    void connect() throws Exception {
        QuietLogging.apply();
        server = new EmbeddedServerEngine();
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, -1), serverSide);
        assertTrue(port > 0, "port 0 must come back as the real bound port, got " + port);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        client = new WsContainerClientEngine();
        client.start(new ClientOptions(uri, 0, 0, 0, ClientOptions.Reconnect.NONE, -1, 5_000, 1L));
        client.connect(uri, clientSide).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        atClient = clientSide.awaitConnection(WAIT);
        atServer = serverSide.awaitConnection(WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        awaitLibraryThreadsGone();
    }

    /** Both engines promise to release Tomcat's threads on close. */
    private static void awaitLibraryThreadsGone() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> left = libraryThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = libraryThreads();
        }
        assertEquals(List.of(), left, "Tomcat threads still alive " + WAIT.toMillis() + " ms after the engines closed");
    }

    private static List<String> libraryThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("http-nio") || n.startsWith("WebSocketClient") || n.startsWith("Catalina")
                        || n.startsWith("wsbed-tomcat"))
                .sorted()
                .toList();
    }

    @Test
    void sendsFromManyThreadsAreQueuedNotRefused() throws Exception {
        int count = 200;
        RecordingListener.Outcome[] outcomes = new RecordingListener.Outcome[count];
        Arrays.setAll(outcomes, n -> new RecordingListener.Outcome());
        Thread[] senders = new Thread[4];
        for (int i = 0; i < senders.length; i++) {
            int first = i * (count / senders.length);
            senders[i] = new Thread(() -> {
                for (int n = first; n < first + count / senders.length; n++) {
                    try {
                        atServer.sendText("{\"seq\":" + n + "}", outcomes[n]);
                    } catch (Exception e) {
                        throw new AssertionError("send " + n + " threw", e);
                    }
                }
            });
            senders[i].start();
        }
        for (Thread t : senders) {
            t.join(WAIT.toMillis());
        }
        clientSide.awaitMatches(e -> e.startsWith("text:"), count, "a text", WAIT);
        for (int n = 0; n < count; n++) {
            assertEquals("ok", outcomes[n].await(WAIT), "every concurrent send is reported ok; send " + n + " was not");
        }
    }

    @Test
    void pingIsAnsweredWithAPong() throws Exception {
        atServer.sendPing(ByteBuffer.wrap(new byte[] {'h', 'b'}));
        serverSide.await("pong", WAIT);
        atClient.sendPing(ByteBuffer.wrap(new byte[] {'h', 'b'}));
        clientSide.await("pong", WAIT);
    }

    @Test
    void sendAfterTheCloseHandshakeThrowsIllegalState() throws Exception {
        atClient.close(1000, "");
        clientSide.awaitClose(WAIT);
        serverSide.awaitClose(WAIT);
        // The session is CLOSED once the server's answering Close frame was read, which may come
        // just after the client's close callback; until then the Close frame already sent makes
        // writeMessagePart throw the same IllegalStateException.
        assertThrows(IllegalStateException.class, () -> atClient.sendText("{\"seq\":2}", new RecordingListener.Outcome()));
    }

    @Test
    void abortEndsTheSessionOnBothSides() throws Exception {
        atClient.abort();
        clientSide.awaitClose(WAIT);
        String seen = serverSide.awaitClose(WAIT);
        assertTrue(seen.startsWith("close:1002:") || seen.startsWith("close:1006:"),
                "server sees a protocol error or abnormal close, got " + seen);
    }

    @Test
    void stackSaysItsVersionAndDefaults() {
        TomcatStack stack = new TomcatStack();
        assertTrue(stack.version().matches("11\\.0\\.\\d+"), "version from the manifest, got " + stack.version());
        String defaults = stack.defaults();
        assertTrue(defaults.startsWith("idle timeout none (0); max text message 8192 B;"), defaults);
    }
}
