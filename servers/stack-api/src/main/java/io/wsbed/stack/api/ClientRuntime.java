package io.wsbed.stack.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client role: keeps {@code --connections} independent connections (one by default), sends
 * numbered messages on each one's current session, and reconnects each with the contract's
 * backoff when its session ends. Many connections in one process let a reconnect storm of
 * hundreds of clients leave the machine's cores to the server.
 */
final class ClientRuntime implements SessionTable.Role, StackProcess.Role {
    private final Stack stack;
    private final ClientOptions options;
    private final EventOut events;
    private final ScheduledExecutorService timers;
    private final SessionTable sessions;
    private final Backoff backoff;
    private final AtomicLong sendSeq = new AtomicLong();
    private final List<Link> links = new ArrayList<>();
    private final Map<Connection, Link> linkOf = new ConcurrentHashMap<>();
    private ClientEngine engine;
    private volatile boolean stopping;

    ClientRuntime(Stack stack, ClientOptions options, EventOut events, ScheduledExecutorService timers) {
        this.stack = stack;
        this.options = options;
        this.events = events;
        this.timers = timers;
        this.sessions = new SessionTable(events, "c");
        this.backoff = new Backoff(options.seed());
        sessions.role(this);
        for (int i = 1; i <= options.connections(); i++) {
            links.add(new Link(i));
        }
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
        if (!options.transports().isEmpty() && !"socket.io".equals(stack.protocol())) {
            throw new UsageException("option '--transports' is for socket.io stacks; '" + stack.id() + "' speaks "
                    + stack.protocol());
        }
        if (options.reconnect() == ClientOptions.Reconnect.BUILTIN && !engine.hasBuiltinReconnect()) {
            throw new UsageException("stack '" + stack.id() + "' has no built-in reconnect; use --reconnect backoff or none");
        }
        if (options.reconnect() == ClientOptions.Reconnect.POLL_FALLBACK && !pollFallback(stack)) {
            throw new UsageException("--reconnect poll-fallback is for the websocket family; '" + stack.id() + "' speaks "
                    + stack.protocol() + " (it has its own polling transport)");
        }
        ClientTls.install(options);
        engine.start(options);
        events.emit("ready", "stack", stack.id(), "version", stack.version(), "role", "client",
                "connections", options.connections() > 1 ? options.connections() : null);
        if (options.sendMs() > 0) {
            timers.scheduleAtFixedRate(this::sendTick, options.sendMs(), options.sendMs(), TimeUnit.MILLISECONDS);
        }
        if (options.heartbeat() && !engine.hasBuiltinHeartbeat()) {
            timers.scheduleAtFixedRate(() -> sessions.heartbeatTick(options.heartbeatTimeoutMs()),
                    options.heartbeatMs(), options.heartbeatMs(), TimeUnit.MILLISECONDS);
        }
        links.forEach(Link::connect);
    }

    private void sendTick() {
        for (Link link : links) {
            Session s = link.current;
            if (s != null && s.open) {
                sessions.send(s, Messages.seq(sendSeq.incrementAndGet()));
            }
        }
    }

    @Override
    public void opened(Session session) {
        Link link = linkOf.get(session.connection);
        if (link != null) {
            link.opened(session);
        }
    }

    @Override
    public void text(Session session, String text) {
    }

    @Override
    public void ended(Session session) {
        Link link = linkOf.get(session.connection);
        if (link != null && session == link.current) {
            link.scheduleReconnect();
        }
    }

    @Override
    public void prepareStop() {
        stopping = true;
        stopPolling();
    }

    private void stopPolling() {
        for (Link link : links) {
            if (link.poll != null) {
                link.poll.stop();
            }
        }
    }

    @Override
    public void closeEngine() throws Exception {
        stopping = true;
        stopPolling();
        if (engine != null) {
            engine.close();
        }
    }

    private java.net.http.HttpClient http;

    /** The one HTTP client of the polling fallback, made on first use. */
    private synchronized java.net.http.HttpClient http() {
        if (http == null) {
            http = PollFallback.newHttpClient(options.connectTimeoutMs());
        }
        return http;
    }

    /** Whether the runtime's polling fallback can serve this stack's clients (not the socket.io family: its own transports). */
    static boolean pollFallback(Stack stack) {
        return "websocket".equals(stack.protocol());
    }

    /** The {@code conn} field of events: only when there is more than one connection. */
    private Integer connField(int index) {
        return options.connections() > 1 ? index : null;
    }

    /** One logical client: its current session, its reconnect attempts and its polling fallback. */
    private final class Link implements ConnectionListener {
        private final int index;
        private final PollFallback poll;
        private volatile Session current;
        private volatile boolean everOpened;
        private int attempt;

        Link(int index) {
            this.index = index;
            this.poll = options.reconnect() == ClientOptions.Reconnect.POLL_FALLBACK
                    ? new PollFallback(events, timers, http(), options.url(), options.pollMs(), options.connectTimeoutMs(),
                            connField(index))
                    : null;
        }

        void connect() {
            engine.connect(options.url(), this)
                    .orTimeout(options.connectTimeoutMs() + 1_000, TimeUnit.MILLISECONDS)
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            connectFailed(error);
                        }
                    });
        }

        private void connectFailed(Throwable error) {
            events.emit("error", "error", SessionTable.describe(error), "phase", "connect", "conn", connField(index));
            if (!everOpened && options.reconnect() == ClientOptions.Reconnect.NONE && options.connections() == 1) {
                System.err.println("could not connect to " + options.url() + " and --reconnect is none");
                StackProcess.exit(3);
            }
            scheduleReconnect();
        }

        void scheduleReconnect() {
            if (stopping || !options.reconnect().backoff()) {
                return;
            }
            if (poll != null) {
                poll.start();
            }
            int n;
            synchronized (this) {
                n = ++attempt;
            }
            long delay = backoff.delayMs(n);
            events.emit("reconnect", "attempt", n, "delay_ms", delay, "conn", connField(index));
            timers.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }

        void opened(Session session) {
            synchronized (this) {
                attempt = 0;
            }
            everOpened = true;
            current = session;
        }

        // The engine reports to this link; the link remembers which connections are its own and
        // hands every callback to the shared session table.
        @Override
        public void onOpen(Connection c) {
            linkOf.put(c, this);
            if (poll != null) {
                poll.stop();
            }
            sessions.onOpen(c, connField(index));
        }

        @Override
        public void onText(Connection c, String text) {
            if (poll != null) {
                poll.seenOnSocket(Messages.seqOf(text));
            }
            sessions.onText(c, text);
        }

        @Override
        public void onPong(Connection c) {
            sessions.onPong(c);
        }

        @Override
        public void onClose(Connection c, int code, String reason) {
            sessions.onClose(c, code, reason);
        }

        @Override
        public void onError(Connection c, Throwable error) {
            sessions.onError(c, error);
        }

        @Override
        public void onTransport(Connection c, String name) {
            sessions.onTransport(c, name);
        }
    }
}
