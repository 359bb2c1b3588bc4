package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import java.util.Arrays;
import java.util.List;

/**
 * What lies between the client and the server in a cell: nothing, an nginx reverse proxy, a
 * Toxiproxy proxy that injects network faults, or HAProxy balancing two server instances. Carried as this type from the plan to the report
 * writers; its {@link #id()} is the word in settings, cell ids and results.json.
 */
public enum NetworkPath {
    DIRECT("direct"),
    NGINX("nginx"),
    TOXIPROXY("toxiproxy"),
    /** HAProxy in front of two instances of the server stack (lb-failover). */
    HAPROXY("haproxy");

    private final String id;

    NetworkPath(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Every path id, in the order reports list them. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(NetworkPath::id).toList();
    }

    /**
     * The path with this id.
     *
     * @param where how an error names the input (a property, a file)
     */
    public static NetworkPath byId(String id, String where) {
        for (NetworkPath p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw HarnessException.configuration("Unknown path '" + id + "' in " + where + "; available: "
                + String.join(", ", ids()));
    }

    @Override
    public String toString() {
        return id;
    }
}
