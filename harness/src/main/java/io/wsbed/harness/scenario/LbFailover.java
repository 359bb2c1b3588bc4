package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.LbFailoverChecker;
import io.wsbed.harness.haproxy.HaproxyBinary;
import io.wsbed.harness.haproxy.HaproxySettings;
import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.schedule.AwaitFailover;
import io.wsbed.harness.schedule.KillServer;
import io.wsbed.harness.schedule.Pause;
import io.wsbed.harness.schedule.RestartServer;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Step;
import io.wsbed.harness.stack.StackInfo;
import java.util.List;
import java.util.Locale;

/**
 * Two instances of the server stack behind HAProxy ({@code balance leastconn}, health checks), N
 * clients in one client process spread over both; one instance is killed with SIGKILL. How long
 * until each of its clients is connected again (through HAProxy, to the survivor), the spread of
 * those reconnects, and the balance once the killed instance is back.
 */
public final class LbFailover implements Scenario {
    /** The most clients lb-failover uses: the storm's count (wsbed.storm.clients) above it is capped. */
    public static final int MAX_CLIENTS = 50;

    private final int clients;

    /** @param stormClients the run's wsbed.storm.clients; lb-failover takes at most {@link #MAX_CLIENTS} of them */
    public LbFailover(int stormClients) {
        if (stormClients < 2) {
            throw HarnessException.configuration("lb-failover needs at least 2 clients (wsbed.storm.clients), got "
                    + stormClients);
        }
        this.clients = Math.min(stormClients, MAX_CLIENTS);
    }

    @Override
    public String id() {
        return "lb-failover";
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.HAPROXY);
    }

    @Override
    public List<Profile> profiles() {
        return List.of(Profile.DEFAULT);
    }

    /** Three processes and dozens of connections: its cells have the machine to themselves, like the storm's. */
    @Override
    public boolean runsAlone() {
        return true;
    }

    @Override
    public long expectedMs(Timings timings) {
        return timings.windowMs() / 2;
    }

    @Override
    public String skipReason(StackInfo server, StackInfo client, NetworkPath path, Infrastructure infra) {
        if (HaproxyBinary.local().isEmpty()) {
            return HaproxyBinary.MISSING_REASON;
        }
        return Scenario.super.skipReason(server, client, path, infra);
    }

    @Override
    public String description() {
        return clients + " clients in one process reach two instances of the server through HAProxy (leastconn,"
                + " health checks); one instance is killed with SIGKILL and restarted once its clients are back.";
    }

    @Override
    public String measures() {
        return "all_back_ms: ms from the SIGKILL of one instance to the last of its clients' new sessions (through"
                + " HAProxy, on the survivor); balance_before_kill and balance_after_restart count open sessions as"
                + " first instance/second instance.";
    }

    @Override
    public List<String> reports() {
        return List.of("lb_clients", "on_killed_instance", "all_back_ms", "reconnect_p50_ms", "reconnect_p95_ms",
                "reconnect_max_ms", "moved_to_survivor", "moved_to_restarted", "balance_before_kill",
                "balance_after_restart", "collateral_closes", "connect_errors", "reconnect_attempts");
    }

    @Override
    public String keyMetric() {
        return "all_back_ms";
    }

    @Override
    public Setup setup() {
        return Setup.flowing().withConnections(clients).quiet(Setup.Start.ALL_OPEN);
    }

    /**
     * Kill the first instance, wait (bounded by the window) until its clients are back, restart it on
     * its port, then give HAProxy's health check time to mark it UP again (rise checks) and a little more.
     */
    @Override
    public List<Step> schedule(Timings t) {
        HaproxySettings h = HaproxySettings.scaled(t);
        long markedUp = h.checkInter().toMillis() * (h.rise() + 1);
        return List.of(new KillServer(), new AwaitFailover(t.windowMs()), new RestartServer(), new Pause(markedUp + 500));
    }

    @Override
    public Checker checker() {
        return new LbFailoverChecker();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lb-failover(%d)", clients);
    }
}
