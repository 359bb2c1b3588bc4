package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import java.util.List;
import java.util.function.Supplier;

/** Every scenario wsbed knows, by stable id, and which ones also run in the client view. */
public final class Scenarios {
    private record Entry(String id, Supplier<Scenario> factory, boolean clientView) {
    }

    private static final List<Entry> ALL = List.of(
            new Entry("server-crash", ServerLoss::crash, true),
            new Entry("server-stop", ServerLoss::stop, false),
            new Entry("client-crash", ClientCrash::new, false),
            new Entry("send-after-close", SendAfterClose::new, true),
            new Entry("nginx-idle-timeout", NginxIdleTimeout::asProfile, false),
            new Entry("nginx-idle-timeout-server-ping", NginxIdleTimeout::serverPings, false),
            new Entry("nginx-idle-timeout-client-ping", NginxIdleTimeout::clientPings, false),
            new Entry("nginx-reload", NginxReloadScenario::plain, false),
            new Entry("nginx-reload-shutdown-timeout", NginxReloadScenario::withShutdownTimeout, false),
            new Entry("network-blackhole", NetworkScenario::blackhole, false),
            new Entry("network-reset", NetworkScenario::reset, false),
            new Entry("proxy-down", NetworkScenario::proxyDown, false),
            new Entry("latency-spike", LatencySpike::new, false),
            new Entry("reconnect-storm", () -> new ReconnectStorm(stormClients()), false));

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

    private static Entry entry(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> HarnessException.configuration("Unknown scenario '" + id + "'; available: "
                        + String.join(", ", ids())));
    }
}
