package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import java.util.List;
import java.util.function.IntFunction;

/** Every scenario wsbed knows, by stable id, and which ones also run in the client view. */
public final class Scenarios {
    /** Which view a scenario runs in: the server view, the client view, or both. */
    private enum View { SERVERS, CLIENTS, BOTH }

    /** How many clients the reconnect storm uses unless wsbed.storm.clients says otherwise. */
    public static final int DEFAULT_STORM_CLIENTS = 200;

    private record Entry(String id, IntFunction<Scenario> factory, View view) {
        boolean clientView() {
            return view != View.SERVERS;
        }
    }

    private static final List<Entry> ALL = List.of(
            new Entry("server-crash", n -> ServerLoss.crash(), View.BOTH),
            new Entry("server-crash-builtin-reconnect", n -> ServerLoss.crashBuiltinReconnect(), View.CLIENTS),
            new Entry("server-crash-no-reconnect", n -> ServerLoss.crashNoReconnect(), View.CLIENTS),
            new Entry("server-stop", n -> ServerLoss.stop(), View.BOTH),
            new Entry("client-crash", n -> new ClientCrash(), View.SERVERS),
            new Entry("send-after-close", n -> new SendAfterClose(), View.BOTH),
            new Entry("nginx-idle-timeout", n -> NginxIdleTimeout.asProfile(), View.BOTH),
            new Entry("nginx-idle-timeout-server-ping", n -> NginxIdleTimeout.serverPings(), View.SERVERS),
            new Entry("nginx-idle-timeout-client-ping", n -> NginxIdleTimeout.clientPings(), View.SERVERS),
            new Entry("nginx-reload", n -> NginxReloadScenario.plain(), View.SERVERS),
            new Entry("nginx-reload-shutdown-timeout", n -> NginxReloadScenario.withShutdownTimeout(), View.SERVERS),
            new Entry("network-blackhole", n -> NetworkScenario.blackhole(), View.BOTH),
            new Entry("network-reset", n -> NetworkScenario.reset(), View.BOTH),
            new Entry("proxy-down", n -> NetworkScenario.proxyDown(), View.BOTH),
            new Entry("frozen-server", n -> FrozenPeer.server(), View.SERVERS),
            new Entry("frozen-client", n -> FrozenPeer.client(), View.CLIENTS),
            new Entry("server-idle-timeout", n -> StackIdleTimeout.server(), View.SERVERS),
            new Entry("client-idle-timeout", n -> StackIdleTimeout.client(), View.CLIENTS),
            new Entry("latency-spike", n -> new LatencySpike(), View.SERVERS),
            new Entry("message-size", n -> new MessageSize(), View.BOTH),
            new Entry("slow-consumer", n -> new SlowConsumer(), View.SERVERS),
            new Entry("reconnect-storm", ReconnectStorm::new, View.SERVERS),
            new Entry("websocket-blocked", n -> WebSocketBlocked.strip(), View.CLIENTS),
            new Entry("websocket-blocked-403", n -> WebSocketBlocked.forbid(), View.CLIENTS),
            new Entry("lb-failover", LbFailover::new, View.SERVERS),
            new Entry("server-crash-poll-fallback", n -> ServerLoss.crashPollFallback(), View.CLIENTS),
            new Entry("network-blackhole-poll-fallback", n -> NetworkScenario.blackholePollFallback(), View.CLIENTS),
            new Entry("websocket-blocked-poll-fallback", n -> WebSocketBlocked.stripPollFallback(), View.CLIENTS));

    private Scenarios() {
    }

    public static List<String> ids() {
        return ALL.stream().map(Entry::id).toList();
    }

    /**
     * The scenario with this id.
     *
     * @param stormClients how many clients the reconnect storm uses (Settings.stormClients()); lb-failover takes at most 50 of them
     */
    public static Scenario create(String id, int stormClients) {
        return entry(id).factory().apply(stormClients);
    }

    /** The scenario with its default sizes: for its checker, key metric and paths, which no size changes. */
    public static Scenario create(String id) {
        return create(id, DEFAULT_STORM_CLIENTS);
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
