package io.wsbed.stack.tyrus;

import io.wsbed.stack.api.ConnectionListener;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client endpoint of one {@code connect()} call: turns Tyrus's blocking connect future into the
 * runtime's {@link CompletableFuture}, bounded by the connect timeout, and keeps a session that
 * opens after the attempt was given up from ever being reported.
 *
 * <p>With Tyrus's built-in reconnect the same endpoint instance receives every later session of
 * the client, so once the first attempt is decided, later opens are reported as new sessions.
 */
final class ConnectAttempt extends ListeningEndpoint {
    private enum State { PENDING, OPENED, FAILED }

    private final URI uri;
    private final boolean builtinReconnect;
    private final Set<Session> openSessions;
    private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);
    private final CompletableFuture<Void> result = new CompletableFuture<>();

    ConnectAttempt(URI uri, ConnectionListener listener, boolean builtinReconnect, Set<Session> openSessions) {
        super(listener);
        this.uri = uri;
        this.builtinReconnect = builtinReconnect;
        this.openSessions = openSessions;
    }

    CompletableFuture<Void> result() {
        return result;
    }

    @Override
    protected boolean admit(Session session) {
        if (state.compareAndSet(State.PENDING, State.OPENED) || state.get() == State.OPENED || builtinReconnect) {
            openSessions.add(session);
            return true;
        }
        // The runtime already heard that this attempt failed (and may be retrying): a late session
        // would be a second, unexpected connection.
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "connect attempt was given up"));
        } catch (IOException | IllegalStateException e) {
            System.err.println("tyrus: could not close a late session of " + uri + ": " + e);
        }
        return false;
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        openSessions.remove(session);
        super.onClose(session, reason);
    }

    /**
     * Waits (on a thread of its own, never the runtime's timer) for Tyrus's connect future, at most
     * {@code timeoutMs}, and settles the result.
     */
    void await(Future<Session> connecting, long timeoutMs) {
        try {
            connecting.get(timeoutMs, TimeUnit.MILLISECONDS);
            state.compareAndSet(State.PENDING, State.OPENED);
            result.complete(null);
        } catch (ExecutionException e) {
            fail(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            fail(new TimeoutException("no WebSocket session with " + uri + " within " + timeoutMs
                    + " ms (connect timeout)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }

    /**
     * Fails the attempt unless a session already opened (then its open stands and the result
     * completes normally). Also called by the built-in reconnect handler, which sees the real
     * failure at once while Tyrus goes on retrying.
     */
    void fail(Throwable error) {
        if (state.compareAndSet(State.PENDING, State.FAILED)) {
            result.completeExceptionally(error);
        } else if (state.get() == State.OPENED) {
            result.complete(null);
        }
    }
}
