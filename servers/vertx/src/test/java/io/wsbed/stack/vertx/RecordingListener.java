package io.wsbed.stack.vertx;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.ConnectionListener;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What an engine reported for one session, with bounded {@code await...} methods. */
final class RecordingListener implements ConnectionListener {
    /** One reported close. */
    record Close(int code, String reason) {
    }

    private final String side;
    private final CompletableFuture<Connection> opened = new CompletableFuture<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger pongs = new AtomicInteger();

    RecordingListener(String side) {
        this.side = side;
    }

    @Override
    public void onOpen(Connection connection) {
        opened.complete(connection);
    }

    @Override
    public void onText(Connection connection, String text) {
        texts.add(text);
    }

    @Override
    public void onPong(Connection connection) {
        pongs.incrementAndGet();
    }

    @Override
    public void onClose(Connection connection, int code, String reason) {
        closes.incrementAndGet();
        closed.complete(new Close(code, reason));
    }

    @Override
    public void onError(Connection connection, Throwable error) {
        errors.add(error);
    }

    int closes() {
        return closes.get();
    }

    int pongs() {
        return pongs.get();
    }

    Throwable awaitError(Duration timeout) throws InterruptedException {
        Throwable e = errors.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return e != null ? e : fail(side + ": no error within " + timeout);
    }

    Connection awaitOpen(Duration timeout) {
        return await(opened, timeout, "open");
    }

    Close awaitClose(Duration timeout) {
        return await(closed, timeout, "close");
    }

    String awaitText(Duration timeout) throws InterruptedException {
        String text = texts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return text != null ? text : fail(side + ": no text message within " + timeout + "; errors so far: " + errors);
    }

    private <T> T await(CompletableFuture<T> event, Duration timeout, String what) {
        try {
            return event.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return fail(side + ": no " + what + " within " + timeout + " (" + e + "); errors so far: " + errors);
        }
    }
}
