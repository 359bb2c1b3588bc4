package io.wsbed.stack.api;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client role: connects, sends numbered messages on the current session, and reconnects with
 * the contract's backoff when the session ends.
 */
final class ClientRuntime implements SessionTable.Role, StackProcess.Role {
    private final Stack stack;
    private final ClientOptions options;
    private final EventOut events;
    private final ScheduledExecutorService timers;
    private final SessionTable sessions;
    private final Backoff backoff;
    private final AtomicLong sendSeq = new AtomicLong();
    private ClientEngine engine;
    private volatile Session current;
    private volatile boolean everOpened;
    private int attempt;
    private volatile boolean stopping;

    ClientRuntime(Stack stack, ClientOptions options, EventOut events, ScheduledExecutorService timers) {
        this.stack = stack;
        this.options = options;
        this.events = events;
        this.timers = timers;
        this.sessions = new SessionTable(events, "c");
        this.backoff = new Backoff(options.seed());
        sessions.role(this);
    }

    @Override
    public SessionTable sessions() {
        return sessions;
    }

    @Override
    public void start() throws Exception {
        engine = stack.newClient();
        if (engine == null) {
            throw new UsageException("stack '" + stack.id() + "' has no client role");
        }
        if (options.reconnect() == ClientOptions.Reconnect.BUILTIN && !engine.hasBuiltinReconnect()) {
            throw new UsageException("stack '" + stack.id() + "' has no built-in reconnect; use --reconnect backoff or none");
        }
        engine.start(options);
        events.emit("ready", "stack", stack.id(), "version", stack.version(), "role", "client");
        if (options.sendMs() > 0) {
            timers.scheduleAtFixedRate(this::sendTick, options.sendMs(), options.sendMs(), TimeUnit.MILLISECONDS);
        }
        if (options.heartbeat()) {
            timers.scheduleAtFixedRate(() -> sessions.heartbeatTick(options.heartbeatTimeoutMs()),
                    options.heartbeatMs(), options.heartbeatMs(), TimeUnit.MILLISECONDS);
        }
        connect();
    }

    private void connect() {
        engine.connect(options.url(), sessions)
                .orTimeout(options.connectTimeoutMs() + 1_000, TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        connectFailed(error);
                    }
                });
    }

    private void connectFailed(Throwable error) {
        events.emit("error", "error", SessionTable.describe(error), "phase", "connect");
        if (!everOpened && options.reconnect() == ClientOptions.Reconnect.NONE) {
            System.err.println("could not connect to " + options.url() + " and --reconnect is none");
            StackProcess.exit(3);
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (stopping || options.reconnect() != ClientOptions.Reconnect.BACKOFF) {
            return;
        }
        int n;
        synchronized (this) {
            n = ++attempt;
        }
        long delay = backoff.delayMs(n);
        events.emit("reconnect", "attempt", n, "delay_ms", delay);
        timers.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void sendTick() {
        Session s = current;
        if (s != null && s.open) {
            sessions.send(s, Messages.seq(sendSeq.incrementAndGet()));
        }
    }

    @Override
    public void opened(Session session) {
        synchronized (this) {
            attempt = 0;
        }
        everOpened = true;
        current = session;
    }

    @Override
    public void text(Session session, String text) {
    }

    @Override
    public void ended(Session session) {
        if (session == current) {
            scheduleReconnect();
        }
    }

    @Override
    public void prepareStop() {
        stopping = true;
    }

    @Override
    public void closeEngine() throws Exception {
        stopping = true;
        if (engine != null) {
            engine.close();
        }
    }
}
