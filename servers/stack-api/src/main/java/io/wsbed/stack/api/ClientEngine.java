package io.wsbed.stack.api;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** The client role of a stack: opens sessions on request. */
public interface ClientEngine extends AutoCloseable {

    /** Starts the library's client (threads, HTTP client) with these options. */
    void start(ClientOptions options) throws Exception;

    /**
     * Makes one connection attempt. The listener gets {@code onOpen} when the session is
     * established; the returned future completes then, or fails when the attempt fails (refused,
     * handshake rejected, timed out after {@code options.connectTimeoutMs()}).
     */
    CompletableFuture<?> connect(URI uri, ConnectionListener listener);

    /**
     * Whether this engine reconnects by itself in {@code --reconnect builtin} mode. Engines that
     * return true must keep reporting each new session through the same listener.
     */
    default boolean hasBuiltinReconnect() {
        return false;
    }

    /**
     * Whether the engine runs the heartbeat profile with the library's own ping and pong deadline
     * (it reads {@code options.heartbeatMs()} in {@link #start}); the runtime's portable ping timer
     * then stays off, so the two never race.
     */
    default boolean hasBuiltinHeartbeat() {
        return false;
    }

    /** Releases the library's threads. Idempotent. */
    @Override
    void close() throws Exception;
}
