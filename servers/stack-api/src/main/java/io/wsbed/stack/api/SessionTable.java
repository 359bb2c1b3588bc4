package io.wsbed.stack.api;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shared runtime's view of every session a process ever had: turns adapter callbacks into
 * event lines, performs sends and closes for the commands and timers, and runs the portable
 * heartbeat. Closed sessions are kept so that a send after close can target them.
 */
final class SessionTable implements ConnectionListener {

    /** What the role (server or client) adds on top of the shared behaviour. */
    interface Role {
        void opened(Session session);

        void text(Session session, String text);

        /** The first close or error of a session was reported. */
        void ended(Session session);
    }

    private final EventOut events;
    private final String idPrefix;
    private final Map<Connection, Session> byConnection = new IdentityHashMap<>();
    private final Map<String, Session> byId = new LinkedHashMap<>();
    private Role role;
    private int nextId = 1;

    SessionTable(EventOut events, String idPrefix) {
        this.events = events;
        this.idPrefix = idPrefix;
    }

    void role(Role role) {
        this.role = role;
    }

    synchronized Session byId(String id) {
        return byId.get(id);
    }

    synchronized List<Session> openSessions() {
        List<Session> open = new ArrayList<>();
        for (Session s : byId.values()) {
            if (s.open) {
                open.add(s);
            }
        }
        return open;
    }

    /** The sessions a command addresses: one id, or every open session for "*". */
    List<Session> select(String target) {
        if ("*".equals(target)) {
            return openSessions();
        }
        Session s = byId(target);
        return s == null ? List.of() : List.of(s);
    }

    private synchronized Session lookup(Connection c) {
        return byConnection.get(c);
    }

    @Override
    public void onOpen(Connection connection) {
        onOpen(connection, null);
    }

    /**
     * A session opened on one of several connections of a client process: the {@code open} event
     * carries {@code conn}, as its {@code reconnect} and connect {@code error} events do, so a
     * reader can tell a connection that came back from one that opened twice.
     */
    void onOpen(Connection connection, Integer conn) {
        Session session;
        synchronized (this) {
            if (byConnection.containsKey(connection)) {
                return;
            }
            session = new Session(idPrefix + nextId++, connection);
            byConnection.put(connection, session);
            byId.put(session.id, session);
        }
        events.emit("open", "session", session.id, "conn", conn);
        role.opened(session);
    }

    @Override
    public void onText(Connection connection, String text) {
        Session s = lookup(connection);
        if (s == null) {
            return;
        }
        s.lastInboundNanos = System.nanoTime();
        long seq = Messages.seqOf(text);
        if (seq >= 0) {
            events.emit("recv", "session", s.id, "seq", seq);
        } else {
            long echo = Messages.echoOf(text);
            long big = Messages.bigSeqOf(text);
            if (echo >= 0) {
                // The peer's answer to our numbered message: the round trip is visible in events.
                events.emit("echo", "session", s.id, "seq", echo);
            } else if (big >= 0) {
                events.emit("recv", "session", s.id, "seq", big, "bytes", text.length());
            }
        }
        role.text(s, text);
    }

    @Override
    public void onPong(Connection connection) {
        Session s = lookup(connection);
        if (s != null) {
            s.lastInboundNanos = System.nanoTime();
        }
    }

    @Override
    public void onClose(Connection connection, int code, String reason) {
        Session s = lookup(connection);
        if (s == null) {
            return;
        }
        s.open = false;
        events.emit("close", "session", s.id, "code", code, "reason", reason == null ? "" : reason, "local", s.localClose);
        markEnded(s);
    }

    @Override
    public void onError(Connection connection, Throwable error) {
        Session s = lookup(connection);
        if (s == null) {
            return;
        }
        // Every stack here reports an error only when the session is over; some (JDK, OkHttp) never
        // follow it with a close, so the session counts as closed from the error on.
        s.open = false;
        events.emit("error", "session", s.id, "error", describe(error));
        markEnded(s);
    }

    @Override
    public void onTransport(Connection connection, String name) {
        Session s = lookup(connection);
        if (s != null) {
            events.emit("transport", "session", s.id, "name", name);
        }
    }

    private void markEnded(Session s) {
        boolean first;
        synchronized (s) {
            first = !s.ended;
            s.ended = true;
        }
        if (first) {
            role.ended(s);
        }
    }

    /** Sends one message and reports the outcome as a {@code sent} event. */
    void send(Session s, String text) {
        long seq = Messages.seqOf(text);
        send(s, text, seq >= 0 ? seq : null, null);
    }

    /**
     * Sends one padded message of exactly {@code bytes} bytes (the {@code big} command); its
     * {@code sent} event carries {@code bytes} and the seq, which is the size.
     */
    void sendBig(Session s, int bytes) {
        send(s, Messages.big(bytes), (long) bytes, bytes);
    }

    /**
     * Floods one session with {@code bytes}-byte messages for {@code ms} milliseconds on a thread
     * of its own (the {@code flood} command), reporting counts in {@code flood} events.
     */
    void flood(Session s, int bytes, long ms) {
        new Flood(events, s, bytes, ms, this::refused).start();
    }

    private void send(Session s, String text, Long seqField, Integer bytesField) {
        long calledAt = events.nowMicros();
        AtomicBoolean reported = new AtomicBoolean();
        SendResult result = new SendResult() {
            private void report(SendOutcome outcome, Throwable error) {
                if (reported.compareAndSet(false, true)) {
                    long t = events.nowMicros();
                    events.emitAt(t, "sent", "session", s.id, "seq", seqField, "bytes", bytesField,
                            "outcome", outcome.wire(), "error", error == null ? null : describe(error),
                            "latency_us", t - calledAt);
                    if (outcome.endsSession()) {
                        refused(s);
                    }
                }
            }

            @Override
            public void ok() {
                report(SendOutcome.OK, null);
            }

            @Override
            public void failed(Throwable error) {
                report(SendOutcome.FAILED, error);
            }

            @Override
            public void returnedFalse() {
                report(SendOutcome.FALSE, null);
            }

            @Override
            public void silent() {
                report(SendOutcome.SILENT, null);
            }
        };
        try {
            s.connection.sendText(text, result);
        } catch (Throwable t) {
            if (reported.compareAndSet(false, true)) {
                long now = events.nowMicros();
                events.emitAt(now, "sent", "session", s.id, "seq", seqField, "bytes", bytesField,
                        "outcome", SendOutcome.THREW.wire(), "error", describe(t), "latency_us", now - calledAt);
                refused(s);
            }
        }
    }

    /**
     * A refused send tells the application the session is unusable even when the stack reports
     * no close or error (the JDK client sometimes fails sends with "closed output" and never calls
     * onClose): like a real application, the runtime then stops using it, and a client reconnects.
     */
    void refused(Session s) {
        s.open = false;
        markEnded(s);
    }

    /** Sends a message whose outcome the contract does not report (the server's echo). */
    void sendQuietly(Session s, String text) {
        try {
            s.connection.sendText(text, QUIET);
        } catch (Throwable t) {
            System.err.println("echo on " + s.id + " threw " + describe(t));
        }
    }

    /** Starts the closing handshake on a session, as this side's decision. */
    void close(Session s, int code, String reason) {
        s.localClose = true;
        try {
            s.connection.close(code, reason);
        } catch (Throwable t) {
            System.err.println("close of " + s.id + " threw " + describe(t));
        }
    }

    /**
     * One tick of the portable heartbeat: declares silent peers dead (error event, then abort)
     * and pings the others.
     */
    void heartbeatTick(long timeoutMs) {
        long now = System.nanoTime();
        for (Session s : openSessions()) {
            long silentMs = (now - s.lastInboundNanos) / 1_000_000;
            if (silentMs > timeoutMs) {
                s.localClose = true;
                s.open = false;
                events.emit("error", "session", s.id, "error",
                        "HeartbeatTimeout: no frame from the peer for " + silentMs + " ms (limit " + timeoutMs + " ms)");
                markEnded(s);
                s.connection.abort();
            } else {
                try {
                    s.connection.sendPing(ByteBuffer.wrap(new byte[] {'h', 'b'}));
                } catch (Throwable t) {
                    System.err.println("ping on " + s.id + " threw " + describe(t));
                }
            }
        }
    }

    /** How an error appears in event lines: "{@code <class>: <message>}". */
    static String describe(Throwable t) {
        Throwable shown = t;
        // Unwrap the wrappers that say nothing about the cause.
        while ((shown instanceof java.util.concurrent.CompletionException
                || shown instanceof java.util.concurrent.ExecutionException) && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return shown.getClass().getName() + ": " + (message == null ? "" : message.replace('\n', ' '));
    }

    private static final SendResult QUIET = new SendResult() {
        @Override
        public void ok() {
        }

        @Override
        public void failed(Throwable error) {
        }

        @Override
        public void returnedFalse() {
        }

        @Override
        public void silent() {
        }
    };
}
