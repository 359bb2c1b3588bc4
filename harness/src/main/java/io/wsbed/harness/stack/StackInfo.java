package io.wsbed.harness.stack;

import java.util.List;

/**
 * A stack as it describes itself when launched with {@code info}: the library version it really
 * runs, its roles, how its heartbeat profile works and which send API the application uses.
 */
public record StackInfo(String id, String name, String version, List<String> roles, String heartbeat, String sendApi) {

    public StackInfo {
        roles = List.copyOf(roles);
    }

    public boolean hasServer() {
        return roles.contains("server");
    }

    public boolean hasClient() {
        return roles.contains("client");
    }
}
