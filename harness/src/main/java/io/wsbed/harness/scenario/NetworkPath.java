package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import java.util.Arrays;
import java.util.List;

/**
 * What lies between the client and the server in a cell: nothing, an nginx reverse proxy, the same
 * nginx terminating TLS (wss on the client's side, plain ws upstream), a Toxiproxy proxy that
 * injects network faults, or HAProxy balancing two server instances. Carried as this type from the plan to the report
 * writers; its {@link #id()} is the word in settings, cell ids and results.json.
 */
public enum NetworkPath {
    DIRECT("direct"),
    NGINX("nginx"),
    WSS("wss"),
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

    /** Whether nginx stands between the two stacks on this path (plain or terminating TLS). */
    public boolean viaNginx() {
        return this == NGINX || this == WSS;
    }

    /**
     * Whether cells on this path run in the client view only, whatever the scenario's view: TLS
     * ends at nginx, so a server stack never sees it, and its server view would only repeat the
     * reference client's TLS.
     */
    public boolean clientViewOnly() {
        return this == WSS;
    }

    /**
     * Whether cells on this path run in {@code profile}: wss runs in the default profile only, a
     * comparison with the plain nginx cells that needs no heartbeat variant.
     */
    public boolean runsIn(Profile profile) {
        return this != WSS || profile == Profile.DEFAULT;
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
