package io.wsbed.stack.spring;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps, in order, everything an engine reported, and lets a test wait a bounded time for the
 * first report of one kind. Also hands out {@link SendResult}s that land here as kind "sent".
 */
final class RecordingListener implements ConnectionListener {

    /** One report: kind, the connection it is about (null for sends), and a short detail. */
    record Report(String kind, Connection connection, String detail) {
        @Override
        public String toString() {
            return detail.isEmpty() ? kind : kind + " " + detail;
        }
    }

    private final List<Report> reports = new ArrayList<>();

    private synchronized void record(String kind, Connection connection, String detail) {
        reports.add(new Report(kind, connection, detail));
        notifyAll();
    }

    @Override
    public void onOpen(Connection connection) {
        record("open", connection, "");
    }

    @Override
    public void onText(Connection connection, String text) {
        record("text", connection, text);
    }

    @Override
    public void onPong(Connection connection) {
        record("pong", connection, "");
    }

    @Override
    public void onClose(Connection connection, int code, String reason) {
        record("close", connection, code + " " + reason);
    }

    @Override
    public void onError(Connection connection, Throwable error) {
        record("error", connection, error.getClass().getName() + ": " + error.getMessage());
    }

    SendResult sendResult() {
        return new SendResult() {
            @Override
            public void ok() {
                record("sent", null, "ok");
            }

            @Override
            public void failed(Throwable error) {
                record("sent", null, "failed " + error);
            }

            @Override
            public void returnedFalse() {
                record("sent", null, "false");
            }

            @Override
            public void silent() {
                record("sent", null, "silent");
            }
        };
    }

    /** The first report of this kind, waiting at most {@code timeout} for it. */
    Report await(String kind, Duration timeout) throws InterruptedException {
        return awaitNth(kind, 1, timeout);
    }

    /** The n-th report of this kind (1-based), waiting at most {@code timeout} for it. */
    synchronized Report awaitNth(String kind, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Report> ofKind = reports.stream().filter(r -> r.kind().equals(kind)).toList();
            if (ofKind.size() >= n) {
                return ofKind.get(n - 1);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " '" + kind + "' report(s) within " + timeout.toMillis()
                        + " ms; got: " + reports);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized List<Report> reports() {
        return List.copyOf(reports);
    }
}
