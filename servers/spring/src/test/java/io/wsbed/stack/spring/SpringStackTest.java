package io.wsbed.stack.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import io.wsbed.stack.api.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the Boot server engine in this JVM (started once: Boot takes seconds) against the JDK's
 * WebSocket client.
 */
class SpringStackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final RecordingListener serverSide = new RecordingListener("server");
    private static BootServerEngine server;
    private static URI uri;

    private final BlockingQueue<String> atClient = new LinkedBlockingQueue<>();
    private WebSocket client;
    private Connection atServer;

    @BeforeAll
    static void startServer() throws Exception {
        server = new BootServerEngine();
        int port = server.start(new ServerOptions("127.0.0.1", 0, "/ws", 0, 0, 0, -1), serverSide);
        assertTrue(port > 0, "port 0 must come back as the real bound port, got " + port);
        uri = URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        int opened = serverSide.count("open"::equals);
        client = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        atClient.add("text " + data);
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        atClient.add("close " + code + " " + reason);
                        return null;
                    }
                }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        atServer = serverSide.awaitConnection(opened + 1, WAIT);
    }

    @AfterEach
    void disconnect() {
        client.abort();
    }

    private String nextAtClient() throws InterruptedException {
        String s = atClient.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new AssertionError("the client got nothing within " + WAIT.toMillis() + " ms");
        }
        return s;
    }

    @Test
    void sendsFromManyThreadsAreAllDelivered() throws Exception {
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
        for (int n = 0; n < count; n++) {
            assertTrue(nextAtClient().startsWith("text {\"seq\":"));
        }
        for (int n = 0; n < count; n++) {
            assertEquals("ok", outcomes[n].await(WAIT), "every concurrent send is reported ok; send " + n + " was not");
        }
    }

    @Test
    void pingIsAnsweredWithAPong() throws Exception {
        int before = serverSide.count("pong"::equals);
        atServer.sendPing(ByteBuffer.wrap(new byte[] {'h', 'b'}));
        serverSide.awaitMatches("pong"::equals, before + 1, "a pong", WAIT);
    }

    @Test
    void sendAfterTheServersOwnCloseReturnsWithoutAWord() throws Exception {
        atServer.close(1000, "");
        assertTrue(nextAtClient().startsWith("close 1000"));
        RecordingListener.Outcome late = new RecordingListener.Outcome();
        // ConcurrentWebSocketSessionDecorator drops a message once its own close began.
        atServer.sendText("{\"seq\":2}", late);
        assertEquals("ok", late.await(WAIT));
    }

    @Test
    void stackSaysItsVersionAndDefaults() {
        SpringStack stack = new SpringStack();
        assertTrue(stack.version().matches("4\\.0\\.\\d+ \\(Spring 7\\.\\d+\\.\\d+, Tomcat 11\\.0\\.\\d+\\)"), stack.version());
        assertTrue(stack.defaults().contains("idle timeout none (0); max text message 8192 B"), stack.defaults());
    }
}
