package io.wsbed.stack.api;

/** The server role of a stack: listens and reports sessions to a {@link ConnectionListener}. */
public interface ServerEngine extends AutoCloseable {

    /**
     * Starts listening on {@code options.host()}, {@code options.port()} (0 = any free port) and
     * {@code options.path()}, applies {@code options.idleTimeoutMs()} when it is not -1, and
     * returns the bound port.
     */
    int start(ServerOptions options, ConnectionListener listener) throws Exception;

    /**
     * Whether the engine runs the heartbeat profile with the library's own ping and pong deadline
     * (it reads {@code options.heartbeatMs()} in {@link #start}); the runtime's portable ping timer
     * then stays off, so the two never race. The server twin of
     * {@link ClientEngine#hasBuiltinHeartbeat()}.
     */
    default boolean hasBuiltinHeartbeat() {
        return false;
    }

    /**
     * Whether the engine answers {@code GET /poll?since=N} on its WebSocket port with
     * {@link PollBuffer#body(long)} (the polling fallback; docs/contract.md). Only an engine whose
     * library serves plain HTTP on the same port says yes; {@code info} then declares {@code poll}.
     */
    default boolean servesPoll() {
        return false;
    }

    /** The buffer to answer polls from; called before {@link #start} when {@link #servesPoll()}. */
    default void attachPoll(PollBuffer buffer) {
    }

    /** Stops listening and releases the library's threads. Idempotent. */
    @Override
    void close() throws Exception;
}
