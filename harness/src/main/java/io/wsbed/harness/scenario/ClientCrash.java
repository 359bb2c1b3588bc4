package io.wsbed.harness.scenario;

import static io.wsbed.harness.metrics.TimelineQueries.errorClass;
import static io.wsbed.harness.metrics.TimelineQueries.ms;
import static io.wsbed.harness.metrics.TimelineQueries.sessionAt;

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
 * The client is killed with SIGKILL while the server pushes messages: when is the server told,
 * what is it told, and how many pushes did it believe sent after the client was gone?
 */
public final class ClientCrash implements Scenario {

    @Override
    public String id() {
        return "client-crash";
    }

    @Override
    public String keyMetric() {
        return "server_detect_ms";
    }

    @Override
    public List<String> paths() {
        return List.of("direct");
    }

    @Override
    public String description() {
        return "The client is killed with SIGKILL while the server pushes numbered messages.";
    }

    @Override
    public List<String> reports() {
        return List.of("server_detect_ms", "sends_ok_after_t0", "sent_ok_after_peer_gone");
    }

    @Override
    public Outcome run(CellContext ctx) {
        Timings t = ctx.timings();
        RunningStack server = ctx.startServer(0, t.tickMs());
        RunningStack client = ctx.startClient(server.port(), t.sendMs());
        ctx.awaitFlow(client, server);

        long t0 = ctx.mark("fault", "kind", "kill-client", "target", client.label());
        client.kill();
        client.awaitExit(Duration.ofSeconds(3));
        long gone = ctx.mark("peer-gone", "target", client.label());
        String ss = sessionAt(ctx.timeline().snapshot(), server.label(), t0)
                .orElseThrow(() -> new HarnessException("the server had no open session at the stimulus"));
        Optional<Event> end = ctx.timeline().await(e -> e.source().equals(server.label()) && ss.equals(e.session())
                && TimelineQueries.endsSession(e) && e.tMicros() >= t0, Duration.ofMillis(t.windowMs()));
        // A few more ticks show whether the server keeps "sending" into the dead session.
        CellContext.sleep(Duration.ofMillis(4 * t.tickMs()));

        List<Event> events = ctx.timeline().snapshot();
        Double detect = end.map(e -> ms(t0, e.tMicros())).orElse(null);
        long okAfter = TimelineQueries.okSendsAfter(events, server.label(), ss, t0);
        long okAfterGone = TimelineQueries.okSendsAfter(events, server.label(), ss, gone);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("server_detect_ms", detect);
        metrics.put("sends_ok_after_t0", okAfter);
        metrics.put("sent_ok_after_peer_gone", okAfterGone);
        Map<String, Object> obs = new LinkedHashMap<>();
        Optional<Event> close = TimelineQueries.closeOf(events, server.label(), ss);
        Optional<Event> error = TimelineQueries.errorOf(events, server.label(), ss);
        obs.put("server_told", end.map(TimelineQueries::told).orElse("nothing within " + t.windowMs() + " ms"));
        obs.put("server_close_code", close.map(e -> e.num("code", -1)).orElse(null));
        obs.put("server_close_reason", close.map(e -> e.str("reason")).orElse(null));
        obs.put("server_error", error.map(e -> errorClass(e.str("error"))).orElse(null));
        var judgement = VerdictRules.peerLoss(new PeerLoss("server", detect, t.windowMs(), false, null, okAfterGone,
                Math.max(0, okAfter - okAfterGone), null, close.map(e -> (int) e.num("code", -1)).orElse(null)), t.boundMs());
        return new Outcome(metrics, obs, judgement);
    }
}
