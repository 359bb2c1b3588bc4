package io.wsbed.harness.stack;

import java.util.List;

/**
 * A stack as it describes itself when launched with {@code info}: the library version it really
 * runs, its roles, how its heartbeat profile works, which send API the application uses, whether
 * its client can reconnect by itself, and the library's effective defaults as it read them (idle
 * timeout, message size limit, automatic ping; empty when the stack does not say).
 */
public record StackInfo(String id, String name, String version, List<String> roles, String heartbeat, String sendApi,
                        boolean builtinReconnect, String defaults) {

    public StackInfo {
        roles = List.copyOf(roles);
        defaults = defaults == null ? "" : defaults;
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

    public boolean hasServer() {
        return roles.contains("server");
    }

    public boolean hasClient() {
        return roles.contains("client");
    }
}
