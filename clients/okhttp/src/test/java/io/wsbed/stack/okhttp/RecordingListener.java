package io.wsbed.stack.okhttp;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.ConnectionListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Records what the client engine reports for its session, with bounded {@code await...} methods. */
final class RecordingListener implements ConnectionListener {
    /** One reported close. */
    record Close(int code, String reason) {
    }

    private final CompletableFuture<Connection> opened = new CompletableFuture<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final List<Object> calls = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    @Override
    public void onOpen(Connection connection) {
        record(connection, "open");
        opened.complete(connection);
    }

    @Override
    public void onText(Connection connection, String text) {
        record(connection, "text " + text);
        texts.add(text);
    }

    @Override
    public void onPong(Connection connection) {
        record(connection, "pong");
    }

    @Override
    public void onClose(Connection connection, int code, String reason) {
        Close close = new Close(code, reason);
        record(connection, close);
        closed.complete(close);
    }

    @Override
    public void onError(Connection connection, Throwable error) {
        record(connection, error);
        failed.complete(error);
    }

    private void record(Connection connection, Object call) {
        calls.add(call);
        if (connections.stream().noneMatch(c -> c == connection)) {
            connections.add(connection);
        }
    }

    /** Every call so far, in order (texts, closes, errors), for assertions and failure messages. */
    List<Object> calls() {
        return List.copyOf(calls);
    }

    /** How many distinct Connection instances the engine passed; the contract wants one per session. */
    int distinctConnections() {
        return connections.size();
    }

    Connection awaitOpen(Duration timeout) {
        return await(opened, timeout, "open");
    }

    Close awaitClose(Duration timeout) {
        return await(closed, timeout, "close");
    }

    Throwable awaitError(Duration timeout) {
        return await(failed, timeout, "error");
    }

    String awaitText(Duration timeout) throws InterruptedException {
        String text = texts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            fail("client: no text message within " + timeout + "; calls so far: " + calls);
        }
        return text;
    }

    private <T> T await(CompletableFuture<T> event, Duration timeout, String what) {
        try {
            return event.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("client: no " + what + " within " + timeout + "; calls so far: " + calls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("client: interrupted while waiting for " + what);
        } catch (ExecutionException e) {
            return fail("client: " + what + " failed", e.getCause());
        }
    }
}
