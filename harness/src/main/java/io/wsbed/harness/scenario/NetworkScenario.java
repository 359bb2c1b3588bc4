package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.NetworkFaultChecker;
import io.wsbed.harness.check.PollFallbackChecker;
import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.schedule.AwaitEnd;
import io.wsbed.harness.schedule.AwaitReopen;
import io.wsbed.harness.schedule.Hold;
import io.wsbed.harness.schedule.InjectNetworkFault;
import io.wsbed.harness.schedule.Pause;
import io.wsbed.harness.schedule.NetworkFault;
import io.wsbed.harness.schedule.RecoverNetwork;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.schedule.Step;
import io.wsbed.harness.stack.StackInfo;
import java.util.List;

/**
 * The network between two live peers fails through a Toxiproxy proxy while messages flow both
 * ways, then recovers: does each side notice, when, what is it told, what was lost, and how fast
 * does the client come back? Blackhole and reset recover after both sides noticed (or the window
 * ran out); proxy-down recovers after one second.
 */
public final class NetworkScenario implements Scenario {
    private final NetworkFault fault;
    /** How long the fault is kept, or 0 when it is kept until both sides noticed (or the window ran out). */
    private final long downForMs;
    private final String description;
    private final String measures;
    /** The client's reconnect mode: backoff, or poll-fallback (the variant). */
    private final String reconnect;

    private NetworkScenario(NetworkFault fault, long downForMs, String description, String measures) {
        this(fault, downForMs, description, measures, "backoff");
    }

    private NetworkScenario(NetworkFault fault, long downForMs, String description, String measures, String reconnect) {
        this.fault = fault;
        this.downForMs = downForMs;
        this.description = description;
        this.measures = measures;
        this.reconnect = reconnect;
    }

    private boolean blackholeBackoff() {
        return fault instanceof NetworkFault.Blackhole && !pollFallback();
    }

    private boolean pollFallback() {
        return reconnect.equals(PollFallback.MODE);
    }

    /**
     * network-blackhole with the polling fallback: the client polls GET /poll through the same
     * black-holed proxy while its WebSocket is down. In the default profile nothing tells the
     * application the socket is down, so it never polls; the heartbeat profile shows what polling
     * does once it knows.
     */
    public static NetworkScenario blackholePollFallback() {
        NetworkScenario plain = blackhole();
        return new NetworkScenario(plain.fault, plain.downForMs, plain.description
                + " The client reconnects with the backoff and polls GET /poll (through the same proxy) while its WebSocket is down;"
                + " the fault stays " + PollFallback.HOLD_MS + " ms longer after both sides noticed, so the polls meet it.",
                PollFallback.measures(plain.measures), PollFallback.MODE);
    }

    public static NetworkScenario blackhole() {
        return new NetworkScenario(new NetworkFault.Blackhole(), 0,
                "Toxiproxy silently drops all data both ways (timeout toxics, no FIN or RST); removed after detection or the window.",
                "client_detect_ms: ms from adding the toxics to the client's first close, error or refused send;"
                        + " nothing reaches the wire, so only a timer can tell a side (no reaction_ms).");
    }

    public static NetworkScenario reset() {
        return new NetworkScenario(new NetworkFault.ResetPeer(), 0,
                "Toxiproxy resets both legs of the live connection with RST (reset_peer).",
                "client_detect_ms: ms from switching the toxic on to the client's first close, error or refused send;"
                        + " the toxic resets on the next data chunk, so fault_on_wire_ms (the first RST on the wire,"
                        + " with a capture) holds where the server's 50 ms tick fell, and client_reaction_ms counts from"
                        + " the RST at the client's socket.");
    }

    public static NetworkScenario proxyDown() {
        return new NetworkScenario(new NetworkFault.ProxyDown(), 1000,
                "The Toxiproxy proxy is disabled (connections closed, new ones refused) and re-enabled after 1 s.",
                "client_detect_ms: ms from disabling the proxy to the client's first close, error or refused send;"
                        + " fault_on_wire_ms: the proxy's first FIN or RST (with a capture), client_reaction_ms counts"
                        + " from the one at the client's socket.");
    }

    @Override
    public String id() {
        return pollFallback() ? fault.kind() + "-" + PollFallback.MODE : fault.kind();
    }

    @Override
    public String skipReason(StackInfo server, StackInfo client, NetworkPath path, Infrastructure infra) {
        if (pollFallback() && PollFallback.skipReason(server, client) != null) {
            return PollFallback.skipReason(server, client);
        }
        return Scenario.super.skipReason(server, client, path, infra);
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.TOXIPROXY);
    }

    @Override
    public String keyMetric() {
        return "client_detect_ms";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String measures() {
        return measures;
    }

    @Override
    public List<String> reports() {
        List<String> figures = List.of("client_detect_ms", "server_detect_ms", "fault_on_wire_ms", "client_reaction_ms",
                "server_reaction_ms", "reconnect_ms", "silent_loss");
        if (pollFallback()) {
            return PollFallback.reports(figures);
        }
        return blackholeBackoff() ? PollFallback.reports(figures, PollFallbackChecker.DATA_FIGURES) : figures;
    }

    @Override
    public Setup setup() {
        return Setup.flowing().armed(fault).withReconnect(reconnect);
    }

    @Override
    public List<Step> schedule(Timings t) {
        Step inject = new InjectNetworkFault(fault);
        Step reopen = new AwaitReopen(t.windowMs(), 0);
        if (downForMs > 0) {
            // Detection may come after the proxy is back; give the server the window from t0.
            return List.of(inject, new Hold(downForMs), new RecoverNetwork(), reopen,
                    new AwaitEnd(Side.SERVER, t.windowMs(), 0));
        }
        if (pollFallback()) {
            // The fault stays a while after both sides noticed, so the polls meet it too.
            return List.of(inject, new AwaitEnd(Side.CLIENT, t.windowMs(), 0), new AwaitEnd(Side.SERVER, t.windowMs(), 0),
                    new Pause(PollFallback.HOLD_MS), new RecoverNetwork(), reopen);
        }
        return List.of(inject, new AwaitEnd(Side.CLIENT, t.windowMs(), 0), new AwaitEnd(Side.SERVER, t.windowMs(), 0),
                new RecoverNetwork(), reopen);
    }

    @Override
    public Checker checker() {
        Checker network = new NetworkFaultChecker(downForMs > 0);
        if (pollFallback()) {
            return PollFallback.checker(network);
        }
        // The backoff cells of the blackhole report the data figures too, beside their poll-fallback variant.
        return blackholeBackoff() ? PollFallbackChecker.withDataFigures(network) : network;
    }
}
