package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.ServerLossChecker;
import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.schedule.AwaitReopen;
import io.wsbed.harness.schedule.KillServer;
import io.wsbed.harness.schedule.RestartServer;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Step;
import io.wsbed.harness.schedule.StopServer;
import io.wsbed.harness.stack.StackInfo;
import java.util.List;

/**
 * The server goes away while messages flow both ways, then comes back on the same port:
 * {@code server-crash} kills it with SIGKILL, {@code server-stop} asks it to stop gracefully.
 * Measures when the client is told, what it is told, how fast it reconnects and what was lost.
 */
public final class ServerLoss implements Scenario {
    private final String id;
    private final Step takeDown;
    /** The client's reconnect mode: backoff (the contract's policy), builtin or none. */
    private final String reconnect;

    private ServerLoss(String id, Step takeDown, String reconnect) {
        this.id = id;
        this.takeDown = takeDown;
        this.reconnect = reconnect;
    }

    public static ServerLoss crash() {
        return new ServerLoss("server-crash", new KillServer(), "backoff");
    }

    public static ServerLoss stop() {
        return new ServerLoss("server-stop", new StopServer(), "backoff");
    }

    /** server-crash with the client stack's own reconnect support (SKIPPED where it has none). */
    public static ServerLoss crashBuiltinReconnect() {
        return new ServerLoss("server-crash-builtin-reconnect", new KillServer(), "builtin");
    }

    /**
     * server-crash with the polling fallback: the client polls the server's GET /poll while its
     * WebSocket is down (SKIPPED where the client or server lacks it).
     */
    public static ServerLoss crashPollFallback() {
        return new ServerLoss("server-crash-poll-fallback", new KillServer(), PollFallback.MODE);
    }

    /** server-crash with no reconnect at all: what detection alone looks like. */
    public static ServerLoss crashNoReconnect() {
        return new ServerLoss("server-crash-no-reconnect", new KillServer(), "none");
    }

    private boolean graceful() {
        return takeDown instanceof StopServer;
    }

    @Override
    public String skipReason(StackInfo server, StackInfo client, NetworkPath path, Infrastructure infra) {
        if (reconnect.equals("builtin") && client.hasClient() && !client.builtinReconnect()) {
            return "client stack '" + client.id() + "' has no built-in reconnect";
        }
        if (reconnect.equals(PollFallback.MODE) && PollFallback.skipReason(server, client) != null) {
            return PollFallback.skipReason(server, client);
        }
        return Scenario.super.skipReason(server, client, path, infra);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String keyMetric() {
        return "client_detect_ms";
    }

    /** The poll-fallback variant runs in the default profile only: the question is the data, not detection. */
    @Override
    public List<Profile> profiles() {
        return reconnect.equals(PollFallback.MODE) ? List.of(Profile.DEFAULT) : Scenario.super.profiles();
    }

    @Override
    public List<NetworkPath> paths() {
        return graceful() || !reconnect.equals("backoff") ? List.of(NetworkPath.DIRECT)
                : List.of(NetworkPath.DIRECT, NetworkPath.NGINX, NetworkPath.WSS);
    }

    @Override
    public String description() {
        String client = switch (reconnect) {
            case "builtin" -> " The client uses its stack's built-in reconnect.";
            case "none" -> " The client does not reconnect.";
            case PollFallback.MODE -> " The client reconnects with the backoff and polls the server's GET /poll while its"
                    + " WebSocket is down.";
            default -> "";
        };
        return (graceful()
                ? "The server is stopped gracefully (it closes sessions with 1001) and restarted on the same port."
                : "The server is killed with SIGKILL and restarted on the same port after the restart delay.") + client;
    }

    @Override
    public String measures() {
        return reconnect.equals(PollFallback.MODE) ? PollFallback.measures(lossMeasures()) : lossMeasures();
    }

    private String lossMeasures() {
        return "client_detect_ms: ms from the " + (graceful() ? "stop command" : "SIGKILL")
                + " to the client's first close, error or refused send; client_wire_ms: when the server's "
                + (graceful() ? "Close frame, FIN" : "FIN") + " or RST reached the client's socket (with a capture),"
                + " client_reaction_ms: the client stack's time after it."
                + " Through nginx (plain or wss) also handshake_ms, the client's ready to its first open, and after a"
                + " reconnect reconnect_handshake_ms (README, the wss path).";
    }

    @Override
    public List<String> reports() {
        List<String> figures = List.of("client_detect_ms", "client_wire_ms", "client_reaction_ms", "server_restart_ms", "reconnect_ms", "reconnect_attempts", "silent_loss",
                "stream_gap_ms", "missed_pushes");
        return reconnect.equals(PollFallback.MODE) ? PollFallback.reports(figures) : figures;
    }

    @Override
    public Setup setup() {
        return Setup.flowing().withReconnect(reconnect);
    }

    @Override
    public List<Step> schedule(Timings t) {
        // Without reconnect nothing will open: observe a short while only, to show it stays down.
        long wait = reconnect.equals("none") ? t.boundMs() : t.windowMs();
        return List.of(takeDown, new RestartServer(), new AwaitReopen(wait, 2));
    }

    @Override
    public Checker checker() {
        Checker loss = new ServerLossChecker(graceful(), !reconnect.equals("none"));
        return reconnect.equals(PollFallback.MODE) ? PollFallback.checker(loss) : loss;
    }
}
