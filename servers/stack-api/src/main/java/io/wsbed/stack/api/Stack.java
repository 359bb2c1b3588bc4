package io.wsbed.stack.api;

/**
 * One WebSocket library behind the process contract: it names itself and makes engines for the
 * roles it supports.
 */
public interface Stack {

    /** Stable kebab-case id, the same as in the module's wsbed-stack.properties. */
    String id();

    /** Human-readable name, for example "Jetty 12 (native WebSocket API)". */
    String name();

    /** The library's own version, read from the library at run time, never typed in. */
    String version();

    /** How the heartbeat profile is implemented for this stack, in one sentence. */
    String heartbeat();

    /** Which API call the application uses to send, in a few words (for the report). */
    String sendApi();

    /**
     * The library's effective defaults that matter when a peer misbehaves (idle timeout, largest
     * message accepted, automatic pings), read from the library's own configuration objects at run
     * time, never typed in; for example "idle timeout 30000 ms; max text message 65536 B; no
     * automatic ping". Empty when the stack does not say.
     */
    default String defaults() {
        return "";
    }

    /**
     * The wire protocol family the stack speaks: "websocket" (plain RFC 6455) or another family
     * such as "socket.io", which only pairs with peers of its own family.
     */
    default String protocol() {
        return "websocket";
    }

    /** A new server engine, or null when the library has no server role. */
    ServerEngine newServer();

    /** A new client engine, or null when the library has no client role. */
    ClientEngine newClient();
}
