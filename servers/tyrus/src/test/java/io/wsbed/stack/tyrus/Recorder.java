package io.wsbed.stack.tyrus;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Records what a stack adapter reports, in order, and lets a test wait (bounded) for one event.
 * Serves as the {@link ConnectionListener} of an engine and as the {@link SendResult} of a send.
 */
final class Recorder implements ConnectionListener {

    /** One reported event: its kind, the connection it concerns, and its details. */
    record Event(String kind, Connection connection, String detail) {
        @Override
        public String toString() {
            return kind + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    private final List<Event> events = new ArrayList<>();

    private synchronized void add(String kind, Connection connection, String detail) {
        events.add(new Event(kind, connection, detail));
        notifyAll();
    }

    @Override
    public void onOpen(Connection connection) {
        add("open", connection, "");
    }

    @Override
    public void onText(Connection connection, String text) {
        add("text", connection, text);
    }

    @Override
    public void onPong(Connection connection) {
        add("pong", connection, "");
    }

    @Override
    public void onClose(Connection connection, int code, String reason) {
        add("close", connection, code + " " + reason);
    }

    @Override
    public void onError(Connection connection, Throwable error) {
        add("error", connection, error.getClass().getName() + ": " + error.getMessage());
    }

    /** A SendResult whose outcome lands in this recorder as event "sent". */
    SendResult sendResult() {
        return new SendResult() {
            @Override
            public void ok() {
                add("sent", null, "ok");
            }

            @Override
            public void failed(Throwable error) {
                add("sent", null, "failed " + error);
            }

            @Override
            public void returnedFalse() {
                add("sent", null, "false");
            }

            @Override
            public void silent() {
                add("sent", null, "silent");
            }
        };
    }

    /** Waits for the first event of this kind and returns it. */
    Event await(String kind, Duration timeout) throws InterruptedException {
        return await(kind, e -> true, timeout);
    }

    /** Waits for the first event of this kind that matches, and returns it. */
    synchronized Event await(String kind, Predicate<Event> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Event e : events) {
                if (e.kind().equals(kind) && match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no '" + kind + "' event within " + timeout.toMillis()
                        + " ms; recorded: " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }
}
