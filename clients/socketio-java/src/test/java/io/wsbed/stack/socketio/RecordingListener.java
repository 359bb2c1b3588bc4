package io.wsbed.stack.socketio;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.ConnectionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records every listener call as a short line ("open", "text {..}", "close -1 reason", ...). */
final class RecordingListener implements ConnectionListener {
    private final List<String> calls = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    @Override
    public void onOpen(Connection connection) {
        record(connection, "open");
    }

    @Override
    public void onText(Connection connection, String text) {
        record(connection, "text " + text);
    }

    @Override
    public void onPong(Connection connection) {
        record(connection, "pong");
    }

    @Override
    public void onClose(Connection connection, int code, String reason) {
        record(connection, "close " + code + " " + reason);
    }

    @Override
    public void onError(Connection connection, Throwable error) {
        record(connection, "error " + error);
    }

    @Override
    public void onTransport(Connection connection, String name) {
        record(connection, "transport " + name);
    }

    private synchronized void record(Connection connection, String call) {
        calls.add(call);
        if (connections.stream().noneMatch(c -> c == connection)) {
            connections.add(connection);
        }
        notifyAll();
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized Connection connection(int index) {
        return connections.get(index);
    }

    /** How many distinct Connection instances were passed: the runtime wants one per session. */
    synchronized int distinctConnections() {
        return connections.size();
    }

    /** Waits (bounded) for a call that matches, and returns it. */
    synchronized String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String call : calls) {
                if (wanted.test(call)) {
                    return call;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("no matching call within " + timeout + "; calls so far: " + calls);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
