package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.SendCase;
import io.wsbed.harness.verdict.VerdictRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application sends on a session that is gone, in both roles and at three moments: after it
 * closed the session itself, after the peer closed it cleanly, and right after the peer was
 * killed (before or while the stack notices). Records what the send API answered and how long
 * the application waited for that answer.
 */
public final class SendAfterClose implements Scenario {
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
    private long nextSeq = 900_001;

    @Override
    public String id() {
        return "send-after-close";
    }

    @Override
    public String keyMetric() {
        return "told_sends";
    }

    @Override
    public List<String> paths() {
        return List.of("direct");
    }

    @Override
    public String description() {
        return "Both roles send after a local close, after a clean close by the peer, and right after the peer was killed.";
    }

    @Override
    public List<String> reports() {
        return List.of("<role>_<moment>_outcome", "<role>_<moment>_told_ms");
    }

    @Override
    public Outcome run(CellContext ctx) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        List<SendCase> cases = new ArrayList<>();
        RunningStack server = ctx.startServer(0, 0);
        RunningStack client = ctx.startClient(server.port(), 0);

        // 1. The client closes: the client sends after its local close, the server after the remote close.
        Sessions p = awaitPair(ctx, client, server, 0);
        long t = ctx.mark("fault", "kind", "client-close", "target", client.label());
        client.command("close " + p.client() + " 1000 done");
        awaitEnd(ctx, client, p.client(), t);
        awaitEnd(ctx, server, p.server(), t);
        cases.add(sendOnce(ctx, client, "client", "local-close", p.client(), metrics, obs));
        cases.add(sendOnce(ctx, server, "server", "remote-close", p.server(), metrics, obs));

        // 2. The server closes (the client has reconnected): the reverse.
        p = awaitPair(ctx, client, server, t);
        t = ctx.mark("fault", "kind", "server-close", "target", server.label());
        server.command("close " + p.server() + " 1000 done");
        awaitEnd(ctx, server, p.server(), t);
        awaitEnd(ctx, client, p.client(), t);
        cases.add(sendOnce(ctx, server, "server", "local-close", p.server(), metrics, obs));
        cases.add(sendOnce(ctx, client, "client", "remote-close", p.client(), metrics, obs));

        // 3. The client is killed: the server sends at once.
        p = awaitPair(ctx, client, server, t);
        t = ctx.mark("fault", "kind", "kill-client", "target", client.label());
        client.kill();
        client.awaitExit(Duration.ofSeconds(2));
        cases.add(sendUntilRefused(ctx, server, "server", p.server(), t, metrics, obs));

        // 4. A fresh client; the server is killed: the client sends at once.
        RunningStack client2 = ctx.startClient(server.port(), 0);
        p = awaitPair(ctx, client2, server, t);
        t = ctx.mark("fault", "kind", "kill-server", "target", server.label());
        server.kill();
        server.awaitExit(Duration.ofSeconds(2));
        cases.add(sendUntilRefused(ctx, client2, "client", p.client(), t, metrics, obs));

        metrics.put("told_sends", cases.stream().filter(SendCase::told).count());
        metrics.put("sends", cases.size());
        return new Outcome(metrics, obs, VerdictRules.sendAfterClose(cases, ctx.timings().boundMs()));
    }

    /** The next session pair opened after {@code after} (the client reconnects by itself). */
    private static Sessions awaitPair(CellContext ctx, RunningStack client, RunningStack server, long after) {
        Event c = ctx.awaitOpen(client, after, Duration.ofSeconds(5));
        Event s = ctx.awaitOpen(server, after, Duration.ofSeconds(5));
        return new Sessions(c.session(), s.session());
    }

    private static void awaitEnd(CellContext ctx, RunningStack p, String session, long after) {
        Optional<Event> end = ctx.timeline().await(e -> e.source().equals(p.label()) && session.equals(e.session())
                && (e.ev().equals("close") || e.ev().equals("error")) && e.tMicros() >= after, ANSWER_WAIT);
        if (end.isEmpty()) {
            ctx.mark("note", "text", p.label() + " reported no end of " + session + " within " + ANSWER_WAIT.toMillis() + " ms");
        }
    }

    /** Sends one numbered message on a closed session and records the API's answer. */
    private SendCase sendOnce(CellContext ctx, RunningStack p, String role, String moment, String session,
                              Map<String, Object> metrics, Map<String, Object> obs) {
        boolean detected = ended(ctx, p, session);
        Optional<Event> sent = send(ctx, p, session);
        String key = role + "_" + moment.replace('-', '_');
        String outcome = sent.map(e -> e.str("outcome")).orElse("none");
        obs.put(key + "_outcome", outcome);
        obs.put(key + "_error", sent.map(e -> TimelineQueries.errorClass(e.str("error"))).orElse(null));
        obs.put(key + "_detected_before_send", detected);
        SendCase c = new SendCase(role, moment, outcome);
        metrics.put(key + "_told_ms", c.told() ? sent.map(e -> e.num("latency_us", 0) / 1000.0).orElse(null) : null);
        return c;
    }

    /**
     * Right after the peer was killed the application keeps sending, every 20 ms, until a send
     * is refused or the wait runs out: how many were accepted silently, and when was it told?
     */
    private SendCase sendUntilRefused(CellContext ctx, RunningStack p, String role, String session, long killedAt,
                                      Map<String, Object> metrics, Map<String, Object> obs) {
        String key = role + "_peer_killed";
        obs.put(key + "_detected_before_send", ended(ctx, p, session));
        long deadline = System.nanoTime() + Math.min(ctx.timings().windowMs(), 5_000) * 1_000_000L;
        long accepted = 0;
        String first = null;
        Optional<Event> refusal = Optional.empty();
        while (refusal.isEmpty() && System.nanoTime() < deadline) {
            Optional<Event> sent = send(ctx, p, session);
            String outcome = sent.map(e -> e.str("outcome")).orElse("none");
            first = first == null ? outcome : first;
            if (new SendCase(role, "peer-killed", outcome).told()) {
                refusal = sent;
            } else {
                accepted++;
                CellContext.sleep(Duration.ofMillis(20));
            }
        }
        String outcome = refusal.map(e -> e.str("outcome")).orElse(first == null ? "none" : first);
        Double toldMs = refusal.map(e -> TimelineQueries.ms(killedAt, e.tMicros())).orElse(null);
        obs.put(key + "_first_outcome", first);
        obs.put(key + "_outcome", outcome);
        obs.put(key + "_error", refusal.map(e -> TimelineQueries.errorClass(e.str("error"))).orElse(null));
        metrics.put(key + "_told_ms", toldMs);
        metrics.put(key + "_accepted", accepted);
        return new SendCase(role, "peer-killed", outcome, toldMs, accepted);
    }

    private static boolean ended(CellContext ctx, RunningStack p, String session) {
        return ctx.timeline().snapshot().stream().anyMatch(e -> e.source().equals(p.label()) && session.equals(e.session())
                && (e.ev().equals("close") || e.ev().equals("error")));
    }

    /** Sends one numbered message through the process's stdin and waits (bounded) for its answer. */
    private Optional<Event> send(CellContext ctx, RunningStack p, String session) {
        long seq = nextSeq++;
        ctx.mark("send", "target", p.label(), "session", session, "seq", seq);
        if (!p.command("send " + session + " {\"seq\":" + seq + "}")) {
            throw new HarnessException(p.label() + " is gone; cannot send on " + session);
        }
        return ctx.timeline().await(e -> e.source().equals(p.label()) && e.ev().equals("sent")
                && e.num("seq", -1) == seq, ANSWER_WAIT);
    }
}
