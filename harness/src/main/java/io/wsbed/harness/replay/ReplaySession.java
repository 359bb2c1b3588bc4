package io.wsbed.harness.replay;

import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.Handshake;
import io.wsbed.harness.replay.wire.HttpHead;
import io.wsbed.harness.replay.wire.Opcode;
import io.wsbed.harness.replay.wire.WsSocket;
import io.wsbed.stack.api.Messages;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client of a replay: the upgrade, then the recorded frames on time (this thread), the
 * client's frames answered (a reader thread), and the fault at its moment. Every send and every
 * change of state happens under one lock, so no frame goes out after a fault event; a crash or
 * reset that cannot get the lock at once (a write blocked on a client that does not read) drops
 * the socket anyway, which ends the blocked write.
 */
final class ReplaySession implements Runnable, AutoCloseable {
    private static final Duration HANDSHAKE = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private enum State { PLAYING, QUIET, STALLED, CLOSING, ENDED }

    private final String id;
    private final Socket socket;
    private final ReplayPlan plan;
    private final ReplayEvents events;
    private final ScheduledExecutorService timers;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile State state = State.PLAYING;
    private volatile WsSocket ws;
    private long startNanos;
    private int closeCode;
    private String closeReason;

    ReplaySession(String id, Socket socket, ReplayPlan plan, ReplayEvents events, ScheduledExecutorService timers) {
        this.id = id;
        this.socket = socket;
        this.plan = plan;
        this.events = events;
        this.timers = timers;
    }

    @Override
    public void run() {
        String target = handshake();
        if (target == null) {
            return;
        }
        startNanos = ws.openedNanos();
        events.emitAt(events.clock().epochMicros(startNanos), ReplayEvents.SERVER, "open", "session", id, "path", target,
                "remote_port", socket.getPort());
        Lifecycle.daemon("wsbed-replay-" + id + "-reader", this::readLoop).start();
        play();
    }

    /** Reads the upgrade and answers 101 (or 400 with the reason); returns the request target, or null. */
    private String handshake() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) HANDSHAKE.toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            HttpHead request = HttpHead.read(in);
            String key;
            try {
                key = Handshake.checkRequest(request);
            } catch (ProtocolException e) {
                socket.getOutputStream().write(Handshake.refusal(400, "Bad Request", "wsbed replay: " + e.getMessage()));
                throw e;
            }
            String sub = plan.subprotocol() != null && request.headerHas("Sec-WebSocket-Protocol", plan.subprotocol())
                    ? plan.subprotocol() : null;
            byte[] answer = Handshake.switchingProtocols(key, sub).bytes();
            long opened = System.nanoTime();
            socket.getOutputStream().write(answer);
            socket.getOutputStream().flush();
            socket.setSoTimeout(0);
            ws = WsSocket.serverSide(socket, in, opened);
            String[] parts = request.startLine().split(" ");
            return parts.length > 1 ? parts[1] : "/";
        } catch (IOException e) {
            events.emit(ReplayEvents.SERVER, "error", "session", id, "error", "upgrade failed: " + e);
            over.set(true);
            state = State.ENDED;
            Lifecycle.closeQuietly(socket);
            return null;
        }
    }

    /** The frames before the fault on time, then the fault or the recorded drop at its moment. */
    private void play() {
        Playback playback = plan.playback();
        long faultAt = plan.fault().map(ReplayFault::atMicros).orElse(Long.MAX_VALUE);
        long n = 0;
        for (RecordedFrame f = playback.step(0); f != null && f.atMicros() < faultAt; f = playback.step(++n)) {
            if (!waitFor(f.atMicros()) || !send(f)) {
                return;
            }
        }
        if (playback.step(n) == null) {
            played(n);
        }
        long dropAt = playback.dropAtMicros().orElse(Long.MAX_VALUE);
        if (faultAt <= dropAt && plan.fault().isPresent()) {
            if (waitFor(faultAt)) {
                apply(plan.fault().get());
            }
        } else if (dropAt != Long.MAX_VALUE && waitFor(dropAt)) {
            end(1006, "dropped without a Close frame, as the recorded server did", true, false);
        }
    }

    private boolean waitFor(long atMicros) {
        return MicroClock.awaitNanos(startNanos + plan.wallNanos(atMicros),
                () -> state != State.PLAYING && state != State.QUIET);
    }

    private boolean send(RecordedFrame f) {
        lock.lock();
        try {
            if (state != State.PLAYING) {
                return false;
            }
            Frame frame = f.frame();
            long t = events.clock().nowMicros();
            try {
                ws.send(frame);
            } catch (IOException e) {
                if (state != State.ENDED) {
                    events.emit(ReplayEvents.SERVER, "sent", "session", id, "op", frame.opcode().id(), "outcome", "failed",
                            "error", e.toString());
                    end(1006, "sending failed: " + e.getMessage(), false, false);
                }
                return false;
            }
            events.emitAt(t, ReplayEvents.SERVER, "sent", "session", id, "seq", seq(frame), "op", frame.opcode().id(),
                    "len", frame.payload().length, "fin", frame.fin() ? null : false, "at_us", f.atMicros(), "outcome", "ok");
            if (frame.opcode() == Opcode.CLOSE) {
                closing(frame.closeCode().orElse(1005), frame.closeReason());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Every recorded frame has gone out; the connection stays open and responsive. */
    private void played(long frames) {
        lock.lock();
        try {
            if (state == State.PLAYING) {
                state = State.QUIET;
                events.emit(ReplayEvents.SERVER, "played", "session", id, "frames", frames);
            }
        } finally {
            lock.unlock();
        }
    }

    private void apply(ReplayFault fault) {
        boolean locked = tryLock();
        try {
            if (state != State.PLAYING && state != State.QUIET) {
                return;
            }
            events.emit(ReplayEvents.HARNESS, "fault", "kind", fault.kind().id(), "code", fault.code() == 0 ? null
                    : fault.code(), "session", id, "at_us", fault.atMicros());
            switch (fault.kind()) {
                case CRASH -> end(1006, "dropped without a Close frame (fault crash)", true, false);
                case RESET -> end(1006, "reset with RST (fault reset)", true, true);
                case CLOSE -> {
                    try {
                        ws.send(Frame.close(fault.code(), "wsbed replay: fault"));
                        closing(fault.code(), "wsbed replay: fault");
                    } catch (IOException e) {
                        end(1006, "sending the Close failed: " + e.getMessage(), true, false);
                    }
                }
                case STALL -> state = State.STALLED;
                case IDLE -> state = State.QUIET;
            }
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /** The lock within 100 ms, or not at all: a crash must not wait behind a blocked write. */
    private boolean tryLock() {
        try {
            return lock.tryLock(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** This side sent a Close: the client's answer ends the session, or the connection is dropped after 2 s. */
    private void closing(int code, String reason) {
        state = State.CLOSING;
        closeCode = code;
        closeReason = reason;
        timers.schedule(() -> end(code, reason + " (no Close answer within " + CLOSE_WAIT.toSeconds() + " s)", true, false),
                CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void readLoop() {
        try {
            for (Frame f = ws.read(); f != null; f = ws.read()) {
                if (state == State.STALLED) {
                    return;
                }
                switch (f.opcode()) {
                    case PING -> pong(f);
                    case CLOSE -> {
                        closeFromClient(f);
                        return;
                    }
                    case TEXT, BINARY, CONTINUATION -> events.emit(ReplayEvents.SERVER, "recv", "session", id, "seq",
                            seq(f), "op", f.opcode().id(), "len", f.payload().length);
                    default -> {
                    }
                }
            }
            end(1006, "the client ended the connection without a Close frame", false, false);
        } catch (IOException e) {
            if (state != State.ENDED) {
                events.emit(ReplayEvents.SERVER, "error", "session", id, "error", e.toString());
                end(1006, "reading from the client failed", false, false);
            }
        }
    }

    private void pong(Frame ping) throws IOException {
        lock.lock();
        try {
            if (state == State.PLAYING || state == State.QUIET) {
                ws.send(Frame.pong(ping.payload()));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The client's Close: the answer to ours, or its own, which is echoed; either way the server then ends TCP (RFC 6455 section 7.1.1). */
    private void closeFromClient(Frame close) {
        lock.lock();
        try {
            if (state == State.CLOSING) {
                end(closeCode, closeReason, true, false);
                return;
            }
            int code = close.closeCode().orElse(1005);
            try {
                ws.send(close.closeCode().isPresent() ? Frame.close(code, "") : new Frame(true, Opcode.CLOSE, new byte[0]));
            } catch (IOException e) {
                // The client may already be gone; the session ends either way.
            }
            end(code, close.closeReason(), false, false);
        } finally {
            lock.unlock();
        }
    }

    /** Ends the session once: the TCP connection closed (or reset) and the contract's close event. */
    private void end(int code, String reason, boolean local, boolean reset) {
        if (!over.compareAndSet(false, true)) {
            return;
        }
        state = State.ENDED;
        if (reset) {
            ws.abort();
        } else {
            ws.close();
        }
        events.emit(ReplayEvents.SERVER, "close", "session", id, "code", code, "reason", reason, "local", local);
    }

    private static Long seq(Frame f) {
        if (f.opcode() != Opcode.TEXT || !f.fin() || f.payload().length > 64) {
            return null;
        }
        long n = Messages.seqOf(new String(f.payload(), StandardCharsets.UTF_8));
        return n < 0 ? null : n;
    }

    /** The replay is stopping: the connection is dropped, as when a server process exits. */
    @Override
    public void close() {
        if (ws == null) {
            over.set(true);
            Lifecycle.closeQuietly(socket);
            return;
        }
        end(1006, "the replay stopped", true, false);
    }
}
