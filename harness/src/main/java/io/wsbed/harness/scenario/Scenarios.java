package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import java.util.List;
import java.util.function.Supplier;

/** Every scenario wsbed knows, by stable id, and which ones also run in the client view. */
public final class Scenarios {
    /** Which view a scenario runs in: the server view, the client view, or both. */
    private enum View { SERVERS, CLIENTS, BOTH }

    private record Entry(String id, Supplier<Scenario> factory, View view) {
        boolean clientView() {
            return view != View.SERVERS;
        }
    }

    private static final List<Entry> ALL = List.of(
            new Entry("server-crash", ServerLoss::crash, View.BOTH),
            new Entry("server-crash-builtin-reconnect", ServerLoss::crashBuiltinReconnect, View.CLIENTS),
            new Entry("server-crash-no-reconnect", ServerLoss::crashNoReconnect, View.CLIENTS),
            new Entry("server-stop", ServerLoss::stop, View.BOTH),
            new Entry("client-crash", ClientCrash::new, View.SERVERS),
            new Entry("send-after-close", SendAfterClose::new, View.BOTH),
            new Entry("nginx-idle-timeout", NginxIdleTimeout::asProfile, View.BOTH),
            new Entry("nginx-idle-timeout-server-ping", NginxIdleTimeout::serverPings, View.SERVERS),
            new Entry("nginx-idle-timeout-client-ping", NginxIdleTimeout::clientPings, View.SERVERS),
            new Entry("nginx-reload", NginxReloadScenario::plain, View.SERVERS),
            new Entry("nginx-reload-shutdown-timeout", NginxReloadScenario::withShutdownTimeout, View.SERVERS),
            new Entry("network-blackhole", NetworkScenario::blackhole, View.BOTH),
            new Entry("network-reset", NetworkScenario::reset, View.BOTH),
            new Entry("proxy-down", NetworkScenario::proxyDown, View.BOTH),
            new Entry("latency-spike", LatencySpike::new, View.SERVERS),
            new Entry("reconnect-storm", () -> new ReconnectStorm(stormClients()), View.SERVERS));

    private Scenarios() {
    }

    /** wsbed.storm.clients: how many clients the reconnect storm uses (default 200). */
    static int stormClients() {
        String raw = System.getProperty("wsbed.storm.clients", "200").strip();
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw HarnessException.configuration("wsbed.storm.clients must be a whole number, got '" + raw + "'");
        }
    }

    public static List<String> ids() {
        return ALL.stream().map(Entry::id).toList();
    }

    /** A fresh instance (scenarios may keep per-run state). */
    public static Scenario create(String id) {
        return entry(id).factory().get();
    }

    /** Whether the scenario is run for every client stack against the reference server too. */
    public static boolean inClientView(String id) {
        return entry(id).clientView();
    }

    /** Whether the scenario is run for every server stack against the reference client. */
    public static boolean inServerView(String id) {
        return entry(id).view() != View.CLIENTS;
    }

    private static Entry entry(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> HarnessException.configuration("Unknown scenario '" + id + "'; available: "
                        + String.join(", ", ids())));
    }
}
