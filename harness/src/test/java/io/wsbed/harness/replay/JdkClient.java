package io.wsbed.harness.replay;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real client for the tests: the JDK's java.net.http WebSocket (the project's reference client),
 * with every callback it gets kept in order with its time, and bounded waits on them.
 */
final class JdkClient implements AutoCloseable {
    /** One callback: "text", "binary", "ping", "pong", "close" (code, text = reason) or "error" (text = the exception). */
    record Got(long nanos, String kind, String text, byte[] data, int code) {
    }

    private final List<Got> got = new ArrayList<>();
    private final WebSocket ws;

    private JdkClient(String url) throws Exception {
        this.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new Listener()).get(5, TimeUnit.SECONDS);
    }

    static JdkClient connect(String url) throws Exception {
        return new JdkClient(url);
    }

    WebSocket socket() {
        return ws;
    }

    private synchronized void add(Got g) {
        got.add(g);
        notifyAll();
    }

    synchronized List<Got> all() {
        return List.copyOf(got);
    }

    /** The first callback that matches, waiting at most {@code max}; fails the test with everything seen when none comes. */
    Got await(Predicate<Got> match, Duration max, String what) {
        return poll(match, max).orElseGet(() -> fail("the JDK client saw no " + what + " within " + max.toMillis()
                + " ms; it saw " + describe()));
    }

    /** The first callback that matches within {@code max}, if any. */
    synchronized Optional<Got> poll(Predicate<Got> match, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            Optional<Got> g = got.stream().filter(match).findFirst();
            long left = deadline - System.nanoTime();
            if (g.isPresent() || left <= 0) {
                return g;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    static Predicate<Got> kind(String kind) {
        return g -> g.kind().equals(kind);
    }

    synchronized String describe() {
        return got.stream().map(g -> g.kind() + (g.text() == null ? "" : " " + g.text()) + (g.code() == 0 ? "" : " " + g.code()))
                .toList().toString();
    }

    @Override
    public void close() {
        ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                add(new Got(System.nanoTime(), "text", text.toString(), null, 0));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            binary.writeBytes(b);
            if (last) {
                add(new Got(System.nanoTime(), "binary", null, binary.toByteArray(), 0));
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            add(new Got(System.nanoTime(), "ping", null, null, 0));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            add(new Got(System.nanoTime(), "pong", null, null, 0));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            add(new Got(System.nanoTime(), "close", reason, null, statusCode));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            add(new Got(System.nanoTime(), "error", error.getClass().getName() + ": " + error.getMessage(), null, 0));
        }
    }
}
