package io.wsbed.stack.javawebsocket;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records what an engine reports, as short strings ("open", "text:hi", "pong", "close:1000:bye",
 * "error:java.io.IOException"), and waits for them with a bound.
 */
final class RecordingListener implements ConnectionListener {
    private final String name;
    private final List<String> events = new ArrayList<>();
    private Connection connection;

    RecordingListener(String name) {
        this.name = name;
    }

    @Override
    public synchronized void onOpen(Connection c) {
        connection = c;
        add(c, "open");
    }

    @Override
    public void onText(Connection c, String text) {
        add(c, "text:" + text);
    }

    @Override
    public void onPong(Connection c) {
        add(c, "pong");
    }

    @Override
    public void onClose(Connection c, int code, String reason) {
        add(c, "close:" + code + ":" + reason);
    }

    @Override
    public void onError(Connection c, Throwable error) {
        add(c, "error:" + error.getClass().getName());
    }

    private synchronized void add(Connection c, String event) {
        // The contract: one Connection instance per session, passed to every call.
        events.add(c == connection ? event : event + " (on another connection instance!)");
        notifyAll();
    }

    /** The connection of the opened session; waits for the open. */
    synchronized Connection awaitConnection(Duration timeout) throws InterruptedException {
        await("open", timeout);
        return connection;
    }

    /** Waits until {@code event} was recorded. */
    void await(String event, Duration timeout) throws InterruptedException {
        awaitMatch(event::equals, "'" + event + "'", timeout);
    }

    /** Waits until an event matches, and returns it. */
    synchronized String awaitMatch(Predicate<String> match, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + " did not report " + what + " within " + timeout.toMillis()
                        + " ms; it reported " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** A SendResult that records the outcome ("ok", "failed:<class>", "false", "silent"). */
    static final class Outcome implements SendResult {
        private String outcome;

        @Override
        public synchronized void ok() {
            set("ok");
        }

        @Override
        public synchronized void failed(Throwable error) {
            set("failed:" + error.getClass().getName());
        }

        @Override
        public synchronized void returnedFalse() {
            set("false");
        }

        @Override
        public synchronized void silent() {
            set("silent");
        }

        private void set(String value) {
            if (outcome == null) {
                outcome = value;
                notifyAll();
            }
        }

        synchronized String await(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (outcome == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the send reported no outcome within " + timeout.toMillis() + " ms");
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return outcome;
        }
    }
}
