package io.wsbed.harness.scenario;

import java.util.Objects;

/**
 * One cell of the matrix: a scenario run with one server stack, one client stack, one profile,
 * on one path (direct, nginx, wss, toxiproxy, haproxy).
 */
public record Cell(String scenario, String server, String client, Profile profile, NetworkPath path) {

    public Cell {
        Objects.requireNonNull(scenario);
        Objects.requireNonNull(server);
        Objects.requireNonNull(client);
        Objects.requireNonNull(profile);
        Objects.requireNonNull(path);
    }

    /** Stable, file-name-safe id, e.g. {@code server-crash.jetty.jdk.default.direct}. */
    public String id() {
        return scenario + "." + server + "." + client + "." + profile.id() + "." + path.id();
    }

    /** How IDEs, Failsafe and the progress line show the cell. */
    public String displayName() {
        return "[" + server + " x " + client + ", " + profile.id() + (path == NetworkPath.DIRECT ? "" : ", " + path.id()) + "] "
                + scenario;
    }
}
