package io.wsbed.harness.check;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.schedule.SendBig;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * message-size: each {@code big} fault mark is one message ({@code target} sent {@code bytes}
 * bytes on {@code session} to {@code to}'s {@code to_session}); its case runs until the next
 * mark, a {@code repair} or {@code restart} mark (the harness replacing what the message broke),
 * or the end of the observation. Outcome, first match wins: a process died
 * ({@code process-exit} mark), the receiver reported it ({@code recv} with {@code bytes}:
 * accepted), a close with 1009 on either side (refused-1009), a close with another code
 * (closed-CODE, the sender's code first: it is what the receiver put on the wire), the sender's
 * API refused it with no close (send-refused; a refusal beside a close is the close's echo), an
 * error without a close (error), nothing within {@code bound_ms} (dropped).
 * Accepted, refused-1009 and send-refused are PASS; closed-CODE and error are DEGRADED (the
 * application was told, with the wrong code); dropped and died are FAIL. The cell takes its
 * worst case.
 */
public final class MessageSizeChecker implements Checker {

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        List<Event> bigs = h.marks("fault").stream().filter(f -> "big".equals(f.str("kind"))).toList();
        if (bigs.isEmpty()) {
            throw new HistoryException("the timeline has no harness 'fault' mark of kind big");
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        List<String> said = new ArrayList<>();
        Verdict worst = Verdict.PASS;
        int accepted = 0;
        for (int i = 0; i < bigs.size(); i++) {
            Event mark = bigs.get(i);
            long next = i + 1 < bigs.size() ? bigs.get(i + 1).tMicros() : h.observedUntil();
            long from = mark.tMicros();
            // A repair (a client replaced, a server restarted) ends the case: what follows is the harness's doing.
            long until = h.events().stream().filter(e -> e.source().equals("harness") && e.tMicros() > from
                            && e.tMicros() < next && (e.ev().equals(SendBig.REPAIR_MARK) || e.ev().equals("restart")))
                    .mapToLong(Event::tMicros).findFirst().orElse(next);
            Case c = judge(h, mark, until);
            String key = ("client".equals(mark.str("from")) ? "c2s" : "s2c") + "_" + sizeKey(mark.num("bytes", 0));
            obs.put(key + "_outcome", c.outcome());
            metrics.put(key + "_ms", c.ms());
            accepted += c.outcome().equals("accepted") ? 1 : 0;
            said.add(("client".equals(mark.str("from")) ? "client to server " : "server to client ")
                    + sizeText(mark.num("bytes", 0)) + " " + c.text());
            if (c.verdict().compareTo(worst) > 0) {
                worst = c.verdict();
            }
        }
        metrics.put("accepted", accepted);
        metrics.put("cases", bigs.size());
        String reason = String.join("; ", said) + ".";
        reason = Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        return new Outcome(metrics, obs, new Judgement(worst, reason));
    }

    private record Case(String outcome, Double ms, Verdict verdict, String text) {
    }

    private static Case judge(History h, Event mark, long until) {
        String from = mark.str("target");
        String to = mark.str("to");
        String session = mark.str("session");
        String toSession = mark.str("to_session");
        long bytes = mark.num("bytes", -1);
        long at = mark.tMicros();
        if (from == null || to == null || session == null || bytes < 0) {
            throw new HistoryException("a big fault mark lacks target, to, session or bytes: " + mark.fields());
        }
        List<Event> window = h.events().stream().filter(e -> e.tMicros() >= at && e.tMicros() <= until).toList();
        Optional<Event> died = window.stream().filter(e -> e.source().equals("harness") && e.ev().equals("process-exit")
                && (from.equals(e.str("target")) || to.equals(e.str("target")))).findFirst();
        if (died.isPresent()) {
            Event d = died.get();
            return new Case("died", ms(at, d), Verdict.FAIL, "killed " + d.str("target") + " (exit code "
                    + d.fields().get("exit_code") + ")");
        }
        Optional<Event> recv = window.stream().filter(e -> e.source().equals(to) && e.ev().equals("recv")
                && e.num("bytes", -1) == bytes).findFirst();
        if (recv.isPresent()) {
            return new Case("accepted", ms(at, recv.get()), Verdict.PASS, "accepted in " + Millis.format(ms(at, recv.get())) + " ms");
        }
        List<Event> ends = window.stream().filter(e -> (e.source().equals(from) && session.equals(e.session())
                || e.source().equals(to) && toSession != null && toSession.equals(e.session()))
                && (e.ev().equals("close") || e.ev().equals("error"))).toList();
        Optional<Event> tooBig = ends.stream().filter(e -> e.ev().equals("close") && e.num("code", -1) == 1009).findFirst();
        if (tooBig.isPresent()) {
            return new Case("refused-1009", ms(at, tooBig.get()), Verdict.PASS, "refused with 1009 after "
                    + Millis.format(ms(at, tooBig.get())) + " ms");
        }
        Optional<Event> close = ends.stream().filter(e -> e.ev().equals("close") && e.source().equals(from)).findFirst()
                .or(() -> ends.stream().filter(e -> e.ev().equals("close")).findFirst());
        if (close.isPresent()) {
            long code = close.get().num("code", -1);
            return new Case("closed-" + code, ms(at, close.get()), Verdict.DEGRADED, "ended with close " + code
                    + " (told " + close.get().source() + "), not 1009");
        }
        Optional<Event> refused = window.stream().filter(e -> e.source().equals(from) && e.ev().equals("sent")
                && e.num("bytes", -1) == bytes && TimelineQueries.endsSession(e)).findFirst();
        if (refused.isPresent()) {
            return new Case("send-refused", ms(at, refused.get()), Verdict.PASS, "refused by the sender's send API ("
                    + refused.get().str("outcome") + (refused.get().str("error") == null ? ""
                    : " " + TimelineQueries.errorClass(refused.get().str("error"))) + ")");
        }
        if (!ends.isEmpty()) {
            Event e = ends.get(0);
            boolean bothTold = ends.stream().anyMatch(x -> x.source().equals(from))
                    && ends.stream().anyMatch(x -> x.source().equals(to));
            return new Case("error", ms(at, e), Verdict.DEGRADED, "ended with an error and no close code ("
                    + TimelineQueries.errorClass(e.str("error")) + " on " + e.source()
                    + (bothTold ? ")" : "; the " + (e.source().equals(from) ? "receiver" : "sender") + " was told nothing)"));
        }
        return new Case("dropped", null, Verdict.FAIL, "silently dropped: no receipt, refusal or close within "
                + mark.num("bound_ms", 0) + " ms and the session stayed open");
    }

    private static double ms(long fromMicros, Event e) {
        return TimelineQueries.ms(fromMicros, e.tMicros());
    }

    /** "64k", "1m", "16m": a figure's name part. */
    static String sizeKey(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + "m" : bytes % 1024 == 0 ? bytes / 1024 + "k" : bytes + "b";
    }

    private static String sizeText(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes % 1024 == 0 ? bytes / 1024 + " KiB"
                : bytes + " B";
    }
}
