package io.wsbed.harness.stack;

import java.util.List;

/**
 * A stack as it describes itself when launched with {@code info}: the library version it really
 * runs, its roles, how its heartbeat profile works, which send API the application uses, and
 * whether its client can reconnect by itself.
 */
public record StackInfo(String id, String name, String version, List<String> roles, String heartbeat, String sendApi,
                        boolean builtinReconnect) {

    public StackInfo {
        roles = List.copyOf(roles);
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
