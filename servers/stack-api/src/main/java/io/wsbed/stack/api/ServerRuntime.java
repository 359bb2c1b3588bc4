package io.wsbed.stack.api;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The server role: starts the engine, pushes numbered ticks, echoes numbered messages. */
final class ServerRuntime implements SessionTable.Role, StackProcess.Role {
    private final Stack stack;
    private final ServerOptions options;
    private final EventOut events;
    private final ScheduledExecutorService timers;
    private final SessionTable sessions;
    private final AtomicLong tickSeq = new AtomicLong();
    private final PollBuffer poll = new PollBuffer();
    private ServerEngine engine;

    ServerRuntime(Stack stack, ServerOptions options, EventOut events, ScheduledExecutorService timers) {
        this.stack = stack;
        this.options = options;
        this.events = events;
        this.timers = timers;
        this.sessions = new SessionTable(events, "s");
        sessions.role(this);
    }

    @Override
    public SessionTable sessions() {
        return sessions;
    }

    @Override
    public void start() throws Exception {
        engine = stack.newServer();
        if (engine == null) {
            throw new UsageException("stack '" + stack.id() + "' has no server role");
        }
        if (engine.servesPoll()) {
            engine.attachPoll(poll);
        }
        int port = engine.start(options, sessions);
        events.emit("ready", "port", port, "stack", stack.id(), "version", stack.version(), "role", "server");
        if (options.tickMs() > 0) {
            timers.scheduleAtFixedRate(this::tick, options.tickMs(), options.tickMs(), TimeUnit.MILLISECONDS);
        }
        if (options.heartbeat() && !engine.hasBuiltinHeartbeat()) {
            timers.scheduleAtFixedRate(() -> sessions.heartbeatTick(options.heartbeatTimeoutMs()),
                    options.heartbeatMs(), options.heartbeatMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        var open = sessions.openSessions();
        // No one to push to: the tick does not count, unless a poller asked lately (the polling fallback).
        if (open.isEmpty() && !poll.subscribed()) {
            return;
        }
        long seq = tickSeq.incrementAndGet();
        poll.add(seq);
        String message = Messages.seq(seq);
        for (Session s : open) {
            sessions.send(s, message);
        }
    }

    @Override
    public void opened(Session session) {
    }

    @Override
    public void text(Session session, String text) {
        long seq = Messages.seqOf(text);
        if (seq < 0) {
            // A big message is answered small: the echo never doubles the load.
            seq = Messages.bigSeqOf(text);
        }
        if (seq >= 0) {
            sessions.sendQuietly(session, Messages.echo(seq));
        }
    }

    @Override
    public void ended(Session session) {
    }

    @Override
    public void closeEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }
}
