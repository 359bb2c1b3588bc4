package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.ReconnectStormChecker;
import io.wsbed.harness.schedule.AwaitAllReopen;
import io.wsbed.harness.schedule.KillServer;
import io.wsbed.harness.schedule.RestartServer;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Step;
import java.util.List;
import java.util.Locale;

/**
 * N clients (one client process holding N connections, so the cores stay with the server) are
 * connected to one server; the server is killed and restarted. How long until all N are back
 * (p50/p95/max of each client's reconnect time after the server is ready), how many connection
 * errors the storm produced, and how the backoff's jitter spread the attempts over time.
 */
public final class ReconnectStorm implements Scenario {
    private final int clients;

    public ReconnectStorm(int clients) {
        if (clients < 1) {
            throw HarnessException.configuration("wsbed.storm.clients must be at least 1, got " + clients);
        }
        this.clients = clients;
    }

    /** Most of the window, and dozens of clients reconnecting at once. */
    @Override
    public long expectedMs(Timings timings) {
        return timings.windowMs() * 3 / 4;
    }

    /** Its clients' reconnects load the machine enough to move the figures of a cell beside it. */
    @Override
    public boolean runsAlone() {
        return true;
    }

    @Override
    public String id() {
        return "reconnect-storm";
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.DIRECT);
    }

    @Override
    public List<Profile> profiles() {
        return List.of(Profile.DEFAULT);
    }

    @Override
    public String keyMetric() {
        return "all_back_ms";
    }

    @Override
    public String measures() {
        return "all_back_ms: ms from the restarted server's ready line to the last of the clients' new sessions.";
    }

    @Override
    public String description() {
        return clients + " clients in one process are connected to one server; the server is killed and restarted.";
    }

    @Override
    public List<String> reports() {
        return List.of("storm_clients", "all_back_ms", "reconnect_p50_ms", "reconnect_p95_ms", "reconnect_max_ms",
                "connect_errors", "reconnect_attempts");
    }

    @Override
    public Setup setup() {
        return Setup.flowing().withConnections(clients).quiet(Setup.Start.ALL_OPEN);
    }

    @Override
    public List<Step> schedule(Timings t) {
        return List.of(new KillServer(), new RestartServer(), new AwaitAllReopen(clients, t.windowMs()));
    }

    @Override
    public Checker checker() {
        return new ReconnectStormChecker();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "reconnect-storm(%d)", clients);
    }
}
