package io.wsbed.stack.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The recorder every Java stack module's tests share (stack-api's test-jar): records what an engine
 * reports, in order, as short strings, and waits for them with a bound. The events are
 * {@code "open"}, {@code "text:<text>"}, {@code "pong"}, {@code "close:<code>:<reason>"},
 * {@code "error:<class name>"} and, from socket.io stacks, {@code "transport:<name>"}. One listener
 * may see several sessions (a reconnect, a server with many clients); an event on a Connection
 * instance that never opened here is marked {@value #NOT_OPENED}, since the contract passes a
 * session's one instance to every call.
 *
 * <p>Free of JUnit on purpose: a failed wait throws {@link AssertionError} with what was recorded.
 */
public final class RecordingListener implements ConnectionListener {
    static final String NOT_OPENED = " (on a connection instance that never opened!)";

    private final String name;
    private final List<String> events = new ArrayList<>();
    private final List<Connection> opened = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    /** {@code name} ("server", "client") says whose recorder a failed wait speaks of. */
    public RecordingListener(String name) {
        this.name = name;
    }

    @Override
    public synchronized void onOpen(Connection c) {
        opened.add(c);
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
    public synchronized void onError(Connection c, Throwable error) {
        errors.add(error);
        add(c, "error:" + error.getClass().getName());
    }

    @Override
    public void onTransport(Connection c, String name) {
        add(c, "transport:" + name);
    }

    private synchronized void add(Connection c, String event) {
        boolean known = opened.stream().anyMatch(o -> o == c);
        events.add(known ? event : event + NOT_OPENED);
        notifyAll();
    }

    /** The connection of the first session; waits for its open. */
    public Connection awaitConnection(Duration timeout) throws InterruptedException {
        return awaitConnection(1, timeout);
    }

    /** The connection of the {@code n}-th session (1-based); waits for its open. */
    public synchronized Connection awaitConnection(int n, Duration timeout) throws InterruptedException {
        awaitMatches("open"::equals, n, "open number " + n, timeout);
        return opened.get(n - 1);
    }

    /** Waits until {@code event} was recorded. */
    public void await(String event, Duration timeout) throws InterruptedException {
        awaitMatch(event::equals, "'" + event + "'", timeout);
    }

    /** Waits for the first close and returns it ("close:1000:bye"). */
    public String awaitClose(Duration timeout) throws InterruptedException {
        return awaitMatch(e -> e.startsWith("close:"), "a close", timeout);
    }

    /** Waits for the first error and returns what the engine passed, for its class and message. */
    public synchronized Throwable awaitError(Duration timeout) throws InterruptedException {
        awaitMatch(e -> e.startsWith("error:"), "an error", timeout);
        return errors.get(0);
    }

    /** Waits until an event matches, and returns the first that does. */
    public String awaitMatch(Predicate<String> match, String what, Duration timeout) throws InterruptedException {
        return awaitMatches(match, 1, what, timeout).get(0);
    }

    /** Waits until {@code n} events match, and returns the first {@code n} that do. */
    public synchronized List<String> awaitMatches(Predicate<String> match, int n, String what, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> matching = events.stream().filter(match).limit(n).toList();
            if (matching.size() == n) {
                return matching;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + " did not report " + (n == 1 ? what : n + " x " + what) + " within "
                        + timeout.toMillis() + " ms; it reported " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** How many events recorded so far match. */
    public synchronized int count(Predicate<String> match) {
        return (int) events.stream().filter(match).count();
    }

    /** Every event so far, in order. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /**
     * A SendResult that records the one outcome a send reports: "ok", "failed:<class name>",
     * "false" or "silent". Later calls are ignored, as the contract says.
     */
    public static final class Outcome implements SendResult {
        private String outcome;
        private Throwable error;

        @Override
        public synchronized void ok() {
            set("ok");
        }

        @Override
        public synchronized void failed(Throwable error) {
            if (outcome == null) {
                this.error = error;
            }
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

        /** Waits for the outcome and returns it. */
        public synchronized String await(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (outcome == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the send reported no outcome within " + timeout.toMillis() + " ms");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return outcome;
        }

        /** What {@link #failed} was given, for its message; null for any other outcome. */
        public synchronized Throwable error() {
            return error;
        }
    }
}
