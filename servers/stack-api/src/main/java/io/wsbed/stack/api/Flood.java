package io.wsbed.stack.api;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The {@code flood} command: one session gets {@code bytes}-byte messages as fast as the stack's
 * send API takes them, for at most {@code ms} milliseconds, on a thread of its own. No message
 * has a {@code sent} event; instead a {@code flood} event every 100 ms counts the calls and how
 * the API answered them, and one {@code flood-end} event says why the loop stopped. A send call
 * that has not returned when the time is up is left behind (the loop cannot be interrupted inside
 * a library); {@code flood-end} then says {@code stuck} and the process stays usable.
 */
final class Flood {
    /** A send call that took longer than this counts as blocked. */
    static final long BLOCKED_MS = 100;
    static final long PROGRESS_MS = 100;

    private final EventOut events;
    private final Session session;
    private final int bytes;
    private final long ms;
    private final Consumer<Session> refused;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong silent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong blocked = new AtomicLong();
    private final AtomicLong maxCallMicros = new AtomicLong();
    /** When the call in progress started (System.nanoTime), or 0 between calls. */
    private final AtomicLong inCallSince = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String firstError;
    private long startedNanos;

    Flood(EventOut events, Session session, int bytes, long ms, Consumer<Session> refused) {
        this.events = events;
        this.session = session;
        this.bytes = bytes;
        this.ms = ms;
        this.refused = refused;
    }

    void start() {
        startedNanos = System.nanoTime();
        events.emit("flood-start", "session", session.id, "bytes", bytes, "ms", ms);
        Thread sender = new Thread(this::sendLoop, "wsbed-flood-" + session.id);
        sender.setDaemon(true);
        Thread progress = new Thread(this::progressLoop, "wsbed-flood-progress-" + session.id);
        progress.setDaemon(true);
        sender.start();
        progress.start();
    }

    private long deadline() {
        return startedNanos + ms * 1_000_000L;
    }

    private void sendLoop() {
        String reason = "time";
        try {
            for (long n = 1; System.nanoTime() < deadline(); n++) {
                if (!session.open) {
                    reason = failed.get() > 0 ? "refused" : "session-ended";
                    break;
                }
                String text = Messages.flood(n, bytes);
                long before = System.nanoTime();
                inCallSince.set(before);
                try {
                    session.connection.sendText(text, new Counter());
                } catch (Throwable t) {
                    count(failed, t);
                } finally {
                    inCallSince.set(0);
                }
                calls.incrementAndGet();
                long took = (System.nanoTime() - before) / 1_000;
                maxCallMicros.accumulateAndGet(took, Math::max);
                if (took > BLOCKED_MS * 1_000) {
                    blocked.incrementAndGet();
                }
            }
        } catch (Throwable t) {
            reason = "error";
            firstError = firstError == null ? SessionTable.describe(t) : firstError;
        }
        end(reason);
    }

    private void progressLoop() {
        while (!ended.get()) {
            try {
                Thread.sleep(PROGRESS_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (ended.get()) {
                return;
            }
            if (System.nanoTime() > deadline() + BLOCKED_MS * 1_000_000L) {
                // The sender is inside a send call that has not returned since the time ran out.
                end("stuck");
                return;
            }
            emit("flood");
        }
    }

    private void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            emit("flood-end", "reason", reason);
        }
    }

    private void emit(String ev, Object... more) {
        long since = inCallSince.get();
        long inCallMs = since == 0 ? 0 : (System.nanoTime() - since) / 1_000_000;
        long done = ok.get() + silent.get() + failed.get();
        Object[] fields = {"session", session.id, "elapsed_ms", (System.nanoTime() - startedNanos) / 1_000_000,
            "calls", calls.get(), "ok", ok.get(), "silent", silent.get(), "failed", failed.get(),
            "pending", Math.max(0, calls.get() - done), "blocked", blocked.get(), "in_call_ms", inCallMs,
            "max_call_ms", maxCallMicros.get() / 1000, "error", firstError};
        Object[] all = new Object[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        events.emit(ev, all);
    }

    private void count(AtomicLong counter, Throwable error) {
        counter.incrementAndGet();
        if (counter == failed) {
            if (error != null && firstError == null) {
                firstError = SessionTable.describe(error);
            }
            // Like a refused send of the send command: the application stops using the session.
            refused.accept(session);
        }
    }

    /** Counts the one answer of one send; later calls for the same send are ignored. */
    private final class Counter implements SendResult {
        private final AtomicBoolean answered = new AtomicBoolean();

        private void answer(AtomicLong counter, Throwable error) {
            if (answered.compareAndSet(false, true)) {
                count(counter, error);
            }
        }

        @Override
        public void ok() {
            answer(ok, null);
        }

        @Override
        public void failed(Throwable error) {
            answer(failed, error);
        }

        @Override
        public void returnedFalse() {
            answer(failed, null);
        }

        @Override
        public void silent() {
            answer(silent, null);
        }
    }
}
