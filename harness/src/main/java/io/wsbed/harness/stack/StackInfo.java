package io.wsbed.harness.stack;

import java.util.List;

/**
 * A stack as it describes itself when launched with {@code info}: the library version it really
 * runs, its roles, how its heartbeat profile works, which send API the application uses, whether
 * its client can reconnect by itself, the library's effective defaults as it read them (idle
 * timeout, message size limit, automatic ping; empty when the stack does not say) and the protocol
 * family it speaks. A stack that cannot run on this machine is described by its descriptor alone,
 * with {@code unavailable} saying why and how to fix it; its cells are SKIPPED with that reason.
 * The polling fallback (docs/contract.md): {@code poll} is the path a server answers
 * {@code GET ?since=N} on (empty: none), {@code pollFallback} whether a client takes
 * {@code --reconnect poll-fallback}.
 */
public record StackInfo(String id, String name, String version, List<String> roles, String heartbeat, String sendApi,
                        boolean builtinReconnect, String defaults, String protocol, String unavailable, String poll,
                        boolean pollFallback) {

    public StackInfo {
        poll = poll == null ? "" : poll;
        roles = List.copyOf(roles);
        defaults = defaults == null ? "" : defaults;
        protocol = protocol == null || protocol.isEmpty() ? StackDescriptor.WEBSOCKET : protocol;
        unavailable = unavailable == null ? "" : unavailable;
    }

    /** A stack that says nothing of the polling fallback. */
    public StackInfo(String id, String name, String version, List<String> roles, String heartbeat, String sendApi,
                     boolean builtinReconnect, String defaults, String protocol, String unavailable) {
        this(id, name, version, roles, heartbeat, sendApi, builtinReconnect, defaults, protocol, unavailable, "", false);
    }

    /** This stack as its info line also declared the polling fallback. */
    public StackInfo withPoll(String pollPath, boolean fallback) {
        return new StackInfo(id, name, version, roles, heartbeat, sendApi, builtinReconnect, defaults, protocol, unavailable,
                pollPath, fallback);
    }

    /** Whether the server answers the polling fallback's GET on its WebSocket port. */
    public boolean servesPoll() {
        return !poll.isEmpty();
    }

    /** A WebSocket stack that runs here. */
    public StackInfo(String id, String name, String version, List<String> roles, String heartbeat, String sendApi,
                     boolean builtinReconnect, String defaults) {
        this(id, name, version, roles, heartbeat, sendApi, builtinReconnect, defaults, StackDescriptor.WEBSOCKET, "");
    }

    /** A stack that does not say its defaults. */
    public StackInfo(String id, String name, String version, List<String> roles, String heartbeat, String sendApi,
                     boolean builtinReconnect) {
        this(id, name, version, roles, heartbeat, sendApi, builtinReconnect, "");
    }

    /** A stack without built-in reconnect. */
    public StackInfo(String id, String name, String version, List<String> roles, String heartbeat, String sendApi) {
        this(id, name, version, roles, heartbeat, sendApi, false);
    }

    /** A stack this machine cannot run, known only from its descriptor. */
    static StackInfo unavailable(StackDescriptor d, String why) {
        return new StackInfo(d.id(), d.name(), "", d.roles(), "", "", false, "", d.protocol(), why);
    }

    public boolean hasServer() {
        return roles.contains("server");
    }

    public boolean hasClient() {
        return roles.contains("client");
    }

    /** Whether the stack can run on this machine. */
    public boolean available() {
        return unavailable.isEmpty();
    }
}
