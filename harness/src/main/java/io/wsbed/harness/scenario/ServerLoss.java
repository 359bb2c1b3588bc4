package io.wsbed.harness.scenario;

import static io.wsbed.harness.metrics.TimelineQueries.errorClass;
import static io.wsbed.harness.metrics.TimelineQueries.firstEnd;
import static io.wsbed.harness.metrics.TimelineQueries.ms;
import static io.wsbed.harness.metrics.TimelineQueries.reconnectAttempts;
import static io.wsbed.harness.metrics.TimelineQueries.sessionAt;
import static io.wsbed.harness.metrics.TimelineQueries.silentLoss;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.PeerLoss;
import io.wsbed.harness.verdict.VerdictRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server goes away while messages flow both ways, then comes back on the same port:
 * {@code server-crash} kills it with SIGKILL, {@code server-stop} asks it to stop gracefully.
 * Measures when the client is told, what it is told, how fast it reconnects and what was lost.
 */
public final class ServerLoss implements Scenario {
    private final String id;
    private final boolean graceful;
    /** The client's reconnect mode: backoff (the contract's policy), builtin or none. */
    private final String reconnect;

    private ServerLoss(String id, boolean graceful, String reconnect) {
        this.id = id;
        this.graceful = graceful;
        this.reconnect = reconnect;
    }

    public static ServerLoss crash() {
        return new ServerLoss("server-crash", false, "backoff");
    }

    public static ServerLoss stop() {
        return new ServerLoss("server-stop", true, "backoff");
    }

    /** server-crash with the client stack's own reconnect support (SKIPPED where it has none). */
    public static ServerLoss crashBuiltinReconnect() {
        return new ServerLoss("server-crash-builtin-reconnect", false, "builtin");
    }

    /** server-crash with no reconnect at all: what detection alone looks like. */
    public static ServerLoss crashNoReconnect() {
        return new ServerLoss("server-crash-no-reconnect", false, "none");
    }

    @Override
    public String skipReason(io.wsbed.harness.stack.StackInfo server, io.wsbed.harness.stack.StackInfo client,
                             String path, io.wsbed.harness.infra.Infrastructure infra) {
        if (reconnect.equals("builtin") && client.hasClient() && !client.builtinReconnect()) {
            return "client stack '" + client.id() + "' has no built-in reconnect";
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

    @Override
    public List<String> paths() {
        return graceful || !reconnect.equals("backoff") ? List.of("direct") : List.of("direct", "nginx");
    }

    @Override
    public String description() {
        String client = switch (reconnect) {
            case "builtin" -> " The client uses its stack's built-in reconnect.";
            case "none" -> " The client does not reconnect.";
            default -> "";
        };
        return (graceful
                ? "The server is stopped gracefully (it closes sessions with 1001) and restarted on the same port."
                : "The server is killed with SIGKILL and restarted on the same port after the restart delay.") + client;
    }

    @Override
    public List<String> reports() {
        return List.of("client_detect_ms", "server_restart_ms", "reconnect_ms", "reconnect_attempts", "silent_loss",
                "stream_gap_ms", "missed_pushes");
    }

    @Override
    public Outcome run(CellContext ctx) {
        Timings t = ctx.timings();
        RunningStack server = ctx.startServer(0, t.tickMs());
        int port = server.port();
        RunningStack client = ctx.startClient(ctx.entryPort(port), t.sendMs(), reconnect,
                ctx.cell().profile().options(t));
        ctx.awaitFlow(client, server);

        long t0 = ctx.mark("fault", "kind", graceful ? "stop-server" : "kill-server", "target", server.label());
        if (graceful) {
            server.command("stop");
        } else {
            server.kill();
        }
        boolean exited = server.awaitExit(Duration.ofSeconds(3));
        if (!exited) {
            server.kill();
            server.awaitExit(Duration.ofSeconds(2));
            ctx.mark("note", "text", server.label() + " did not exit within 3 s of the stimulus and was killed");
        }
        long gone = ctx.mark("peer-gone", "target", server.label());
        ctx.sleepUntil(t0 + t.restartDelayMs() * 1000);
        long restartAt = ctx.mark("restart", "target", "server-2", "port", port);
        RunningStack server2 = ctx.restartServer(port, t.tickMs(), Duration.ofSeconds(5));
        long t1 = ctx.timeline().first(e -> e.source().equals(server2.label()) && e.ev().equals("ready"))
                .orElseThrow(() -> new HarnessException("restarted server has no ready event")).tMicros();
        // Without reconnect nothing will open: observe a short while only, to show it stays down.
        Duration wait = Duration.ofMillis(reconnect.equals("none") ? t.boundMs() : t.windowMs());
        Optional<Event> reopen = ctx.awaitFrom(client.label(), t0, wait, "open");
        reopen.ifPresent(e -> ctx.timeline().awaitCount(x -> x.source().equals(client.label())
                && x.ev().equals("recv") && x.tMicros() > e.tMicros(), 2, Duration.ofSeconds(1)));
        return measure(ctx, server, client, new long[] {t0, gone, restartAt, t1}, reopen, exited);
    }

    /** {@code times} = t0 (stimulus), gone (server process seen dead), restart issued, t1 (server back). */
    private Outcome measure(CellContext ctx, RunningStack server, RunningStack client, long[] times,
                            Optional<Event> reopen, boolean exited) {
        long t0 = times[0];
        long gone = times[1];
        long restartAt = times[2];
        long t1 = times[3];
        Timings t = ctx.timings();
        List<Event> events = ctx.timeline().snapshot();
        String cs = sessionAt(events, client.label(), t0)
                .orElseThrow(() -> new HarnessException("the client had no open session at the stimulus"));
        String ss = sessionAt(events, server.label(), t0)
                .orElseThrow(() -> new HarnessException("the server had no open session at the stimulus"));
        Optional<Event> end = firstEnd(events, client.label(), cs, t0);
        Double detect = end.map(e -> ms(t0, e.tMicros())).orElse(null);
        Double reconnectMs = reopen.map(e -> ms(t1, e.tMicros())).orElse(null);
        long attempts = reconnectAttempts(events, client.label(), t0, reopen.map(Event::tMicros).orElse(Long.MAX_VALUE));
        long lostToClient = silentLoss(events, server.label(), ss, client.label(), cs);
        long lostToServer = silentLoss(events, client.label(), cs, server.label(), ss);
        long okAfterGone = TimelineQueries.okSendsAfter(events, client.label(), cs, gone);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("client_detect_ms", detect);
        metrics.put("server_restart_ms", ms(restartAt, t1));
        metrics.put("reconnect_ms", reconnectMs);
        metrics.put("reconnect_attempts", attempts);
        metrics.put("silent_loss", lostToClient + lostToServer);
        metrics.put("silent_loss_to_client", lostToClient);
        metrics.put("silent_loss_to_server", lostToServer);
        metrics.put("sent_ok_after_peer_gone", okAfterGone);
        Double gap = streamGap(events, client.label(), t0, reopen);
        metrics.put("stream_gap_ms", gap);
        metrics.put("missed_pushes", gap == null ? null : Math.max(0, Math.round(gap / t.tickMs()) - 1));

        Map<String, Object> obs = new LinkedHashMap<>();
        Optional<Event> close = TimelineQueries.closeOf(events, client.label(), cs);
        Optional<Event> error = TimelineQueries.errorOf(events, client.label(), cs);
        obs.put("client_told", end.map(TimelineQueries::told).orElse("nothing within " + t.windowMs() + " ms"));
        obs.put("client_close_code", close.map(e -> e.num("code", -1)).orElse(null));
        obs.put("client_close_reason", close.map(e -> e.str("reason")).orElse(null));
        obs.put("client_error", error.map(e -> errorClass(e.str("error"))).orElse(null));
        if (graceful) {
            obs.put("server_exited_after_stop", exited);
            obs.put("server_stopped_event", events.stream().anyMatch(e -> e.source().equals(server.label())
                    && e.ev().equals("stopped")));
        }
        Integer seenCode = close.map(e -> (int) e.num("code", -1)).orElse(null);
        var judgement = VerdictRules.peerLoss(new PeerLoss("client", detect, t.windowMs(), !reconnect.equals("none"),
                reconnectMs,
                okAfterGone, Math.max(0, lostToClient + lostToServer - okAfterGone), graceful ? 1001 : null, seenCode),
                t.boundMs());
        return new Outcome(metrics, obs, judgement);
    }

    /**
     * How long the client's numbered stream stopped: from its last push received before the
     * fault to its first push after it reconnected (null when it never came back or no push has
     * arrived yet). At one push per tick, that gap is the messages a live feed never delivered.
     */
    static Double streamGap(List<Event> events, String client, long t0, Optional<Event> reopen) {
        if (reopen.isEmpty()) {
            return null;
        }
        Optional<Event> last = events.stream().filter(e -> e.source().equals(client) && e.ev().equals("recv")
                && e.tMicros() < t0).reduce((a, b) -> b);
        Optional<Event> next = events.stream().filter(e -> e.source().equals(client) && e.ev().equals("recv")
                && e.tMicros() > reopen.get().tMicros()).findFirst();
        return last.isPresent() && next.isPresent() ? ms(last.get().tMicros(), next.get().tMicros()) : null;
    }
}
