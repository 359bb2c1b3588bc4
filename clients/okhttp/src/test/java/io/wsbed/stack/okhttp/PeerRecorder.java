package io.wsbed.stack.okhttp;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The server's side of a MockWebServer WebSocket: echoes text with an "echo " prefix, answers a
 * Close frame, and records what OkHttp's server-side socket reported. It can also freeze its reader
 * thread after the open, which stops its automatic pongs the way a SIGSTOP'd peer would.
 */
final class PeerRecorder extends WebSocketListener {
    /** A close frame as this side saw it. */
    record Close(int code, String reason) {
    }

    private final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
    private final CompletableFuture<Close> closing = new CompletableFuture<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    private final CountDownLatch thaw = new CountDownLatch(1);
    private final Duration freezeAtMost;

    /** A peer that answers normally. */
    PeerRecorder() {
        this(Duration.ZERO);
    }

    /** A peer whose reader thread stops for up to {@code freezeAtMost} once the session is open. */
    PeerRecorder(Duration freezeAtMost) {
        this.freezeAtMost = freezeAtMost;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        opened.complete(webSocket);
        if (!freezeAtMost.isZero()) {
            try {
                thaw.await(freezeAtMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        webSocket.send("echo " + text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        closing.complete(new Close(code, reason));
        webSocket.close(code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        closed.complete(new Close(code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        failed.complete(error);
    }

    /** Lets a frozen reader thread go on (idempotent). */
    void thaw() {
        thaw.countDown();
    }

    WebSocket awaitOpen(Duration timeout) {
        return await(opened, timeout, "open");
    }

    /** The peer's Close frame as received (OkHttp's onClosing). */
    Close awaitClosing(Duration timeout) {
        return await(closing, timeout, "onClosing");
    }

    /** Both Close frames exchanged (OkHttp's onClosed): proves the other side answered ours. */
    Close awaitClosed(Duration timeout) {
        return await(closed, timeout, "onClosed");
    }

    Throwable awaitFailure(Duration timeout) {
        return await(failed, timeout, "onFailure");
    }

    private <T> T await(CompletableFuture<T> event, Duration timeout, String what) {
        try {
            return event.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("server: no " + what + " within " + timeout + "; failure so far: " + failed.getNow(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("server: interrupted while waiting for " + what);
        } catch (ExecutionException e) {
            return fail("server: " + what + " failed", e.getCause());
        }
    }
}
