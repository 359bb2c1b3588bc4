package io.wsbed.harness.check;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.SendCase;
import io.wsbed.harness.verdict.VerdictRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application sent on sessions that were gone. Each harness {@code send} mark names the
 * process ({@code target}), the session, the message's {@code seq}, and the case: {@code role}
 * and {@code moment} ("local-close", "remote-close", "peer-killed"); the process's {@code sent}
 * event with that seq is the send API's answer. A peer-killed case is every send of that role and
 * moment, in order, until the first refusal; its time is counted from the {@code fault} mark
 * before its first send.
 */
public final class SendAfterCloseChecker implements Checker {
    /** The moment at which the application keeps sending until a send is refused. */
    public static final String PEER_KILLED = "peer-killed";

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        List<SendCase> cases = new ArrayList<>();
        Map<String, List<Event>> byCase = new LinkedHashMap<>();
        for (Event send : h.marks("send")) {
            byCase.computeIfAbsent(send.str("role") + "|" + send.str("moment"), k -> new ArrayList<>()).add(send);
        }
        if (byCase.isEmpty()) {
            throw new HistoryException("the timeline has no harness 'send' marks");
        }
        for (List<Event> sends : byCase.values()) {
            Event first = sends.get(0);
            String role = first.str("role");
            String moment = first.str("moment");
            String key = role + "_" + moment.replace('-', '_');
            cases.add(moment.equals(PEER_KILLED)
                    ? untilRefused(h, sends, role, key, metrics, obs)
                    : once(h, first, role, moment, key, metrics, obs));
        }
        metrics.put("told_sends", cases.stream().filter(SendCase::told).count());
        metrics.put("sends", cases.size());
        return new Outcome(metrics, obs, VerdictRules.sendAfterClose(cases, t.boundMs()));
    }

    private static SendCase once(History h, Event send, String role, String moment, String key,
                                 Map<String, Object> metrics, Map<String, Object> obs) {
        Optional<Event> answer = answer(h, send);
        String outcome = answer.map(e -> e.str("outcome")).orElse("none");
        obs.put(key + "_outcome", outcome);
        obs.put(key + "_error", answer.map(e -> TimelineQueries.errorClass(e.str("error"))).orElse(null));
        obs.put(key + "_detected_before_send", endedBefore(h, send));
        SendCase c = new SendCase(role, moment, outcome);
        metrics.put(key + "_told_ms", c.told() ? answer.map(e -> e.num("latency_us", 0) / 1000.0).orElse(null) : null);
        return c;
    }

    private static SendCase untilRefused(History h, List<Event> sends, String role, String key,
                                         Map<String, Object> metrics, Map<String, Object> obs) {
        Event firstSend = sends.get(0);
        long killedAt = h.marks("fault").stream().filter(f -> f.tMicros() <= firstSend.tMicros())
                .reduce((a, b) -> b).orElseThrow(() -> new HistoryException("a peer-killed send has no fault before it"))
                .tMicros();
        obs.put(key + "_detected_before_send", endedBefore(h, firstSend));
        long accepted = 0;
        String first = null;
        Optional<Event> refusal = Optional.empty();
        for (Event send : sends) {
            Optional<Event> answer = answer(h, send);
            String outcome = answer.map(e -> e.str("outcome")).orElse("none");
            first = first == null ? outcome : first;
            if (new SendCase(role, PEER_KILLED, outcome).told()) {
                refusal = answer;
                break;
            }
            // A send with no answer at all was not accepted either: it is neither counted nor a refusal.
            accepted += answer.isPresent() ? 1 : 0;
        }
        String outcome = refusal.map(e -> e.str("outcome")).orElse(first);
        Double toldMs = refusal.map(e -> TimelineQueries.ms(killedAt, e.tMicros())).orElse(null);
        obs.put(key + "_first_outcome", first);
        obs.put(key + "_outcome", outcome);
        obs.put(key + "_error", refusal.map(e -> TimelineQueries.errorClass(e.str("error"))).orElse(null));
        metrics.put(key + "_told_ms", toldMs);
        metrics.put(key + "_accepted", accepted);
        return new SendCase(role, PEER_KILLED, outcome, toldMs, accepted);
    }

    /** The send API's answer: the target's sent event with the mark's seq. */
    private static Optional<Event> answer(History h, Event send) {
        long seq = send.num("seq", -1);
        String target = send.str("target");
        return h.first(e -> e.source().equals(target) && e.ev().equals("sent") && e.num("seq", -2) == seq);
    }

    /** Whether the target's application had been told its session ended before the send. */
    private static boolean endedBefore(History h, Event send) {
        String target = send.str("target");
        String session = send.str("session");
        return h.events().stream().anyMatch(e -> e.source().equals(target) && session.equals(e.session())
                && (e.ev().equals("close") || e.ev().equals("error")) && e.tMicros() < send.tMicros());
    }
}
