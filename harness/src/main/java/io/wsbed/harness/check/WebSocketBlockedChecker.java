package io.wsbed.harness.check;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A proxy that refuses the WebSocket Upgrade: how fast did the client give up and what did it tell
 * its application, or did data keep flowing over another transport, and how fast compared with the
 * WebSocket session it had through an open proxy just before?
 *
 * <p>Reads the {@code stage} mark (the control client, through the open nginx), the
 * {@code control-end} mark, and the {@code fault} mark (at the blocked client's {@code ready} line:
 * t0, with {@code client} and {@code window_ms}). Only events up to the end of the observation
 * count.
 *
 * <ul>
 *   <li>FAIL: the blocked client opened a session at least {@link Delivery#IN_FLIGHT_MS} before
 *   the end, nothing (no push, no echo) arrived on it and it was never told it ended: the
 *   application believes it is connected while no data flows.</li>
 *   <li>PASS: data kept flowing (a push or an echo arrived through the blocking proxy).</li>
 *   <li>PASS: the client reported an error or a close within the detection bound (it gave up and
 *   said so); DEGRADED when it did only later.</li>
 *   <li>DEGRADED: it told nothing but kept retrying (a second attempt started in the window).</li>
 *   <li>FAIL: it told nothing, made no second attempt and nothing flowed.</li>
 * </ul>
 */
public final class WebSocketBlockedChecker implements Checker {
    /** An HTTP error status as a word of its own in an error text (close codes have four digits). */
    private static final Pattern HTTP_STATUS = Pattern.compile("\\b([45]\\d\\d)\\b");
    /** The longest text of the {@code told} observation; an error message longer than this is cut. */
    static final int TOLD_CHARS = 240;

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Event fault = h.requireMark("fault");
        String client = fault.str("client");
        long windowMs = fault.num("window_ms", -1);
        if (client == null || windowMs < 0) {
            throw new HistoryException("the websocket-blocked fault mark names no client or window_ms");
        }
        String control = h.staged("client");
        long controlEnd = h.requireMark("control-end").tMicros();
        long t0 = fault.tMicros();
        long until = h.observedUntil();
        List<Event> blocked = h.observed().stream()
                .filter(e -> e.source().equals(client) && e.tMicros() >= t0).toList();
        List<Event> controlEvents = h.events().stream()
                .filter(e -> e.source().equals(control) && e.tMicros() <= controlEnd).toList();

        Optional<Event> told = blocked.stream().filter(TimelineQueries::endsSession).findFirst();
        Double gaveUpMs = told.map(e -> TimelineQueries.ms(t0, e.tMicros())).orElse(null);
        long attempts = 1 + blocked.stream()
                .filter(e -> e.ev().equals("reconnect") && e.tMicros() + e.num("delay_ms", 0) * 1000 <= until).count();
        long delivered = blocked.stream().filter(e -> e.ev().equals("recv")).count();
        List<Double> latency = roundTrips(blocked, Long.MIN_VALUE);
        boolean flowed = delivered > 0 || !latency.isEmpty();
        List<Double> wsLatency = roundTrips(controlEvents, webSocketSince(controlEvents));
        Optional<Event> silentOpen = silentOpen(blocked, until);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("gave_up_ms", gaveUpMs);
        metrics.put("attempts", attempts);
        metrics.put("data_flowed", flowed ? 1 : 0);
        metrics.put("delivered", delivered);
        metrics.put("latency_p50_ms", ReconnectStormChecker.percentile(latency, 0.50));
        metrics.put("latency_p95_ms", ReconnectStormChecker.percentile(latency, 0.95));
        metrics.put("ws_latency_p50_ms", ReconnectStormChecker.percentile(wsLatency, 0.50));
        metrics.put("ws_latency_p95_ms", ReconnectStormChecker.percentile(wsLatency, 0.95));
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("told", told.map(WebSocketBlockedChecker::told).orElse("nothing within " + windowMs + " ms"));
        // The signal in the form every scenario writes it, for the findings, the compare view and the stack cards.
        obs.put("client_told", told.map(TimelineQueries::told).orElse("nothing within " + windowMs + " ms"));
        obs.put("told_status", told.map(WebSocketBlockedChecker::httpStatus).orElse("none"));
        obs.put("data_flowed", flowed ? "yes" : "no");
        obs.put("transport", transport(blocked, flowed));
        obs.put("control_transport", transport(controlEvents, true));
        // Said per phase here, so Transports does not merge the two client processes into one line.
        obs.put("client_transport", "control: " + obs.get("control_transport") + "; blocked: " + obs.get("transport"));
        return new Outcome(metrics, obs, judge(metrics, obs, silentOpen, until, windowMs, t.boundMs()));
    }

    static Judgement judge(Map<String, Object> m, Map<String, Object> obs, Optional<Event> silentOpen, long until,
                           long windowMs, long boundMs) {
        if (silentOpen.isPresent()) {
            double at = TimelineQueries.ms(0, silentOpen.get().tMicros());
            return Judgement.fail("The client opened a session through the blocking proxy after " + Millis.format(at)
                    + " ms and nothing arrived on it in the " + Millis.format(TimelineQueries.ms(silentOpen.get().tMicros(),
                    until)) + " ms that followed, without an error or close: the application believes it is connected.");
        }
        Double gaveUp = (Double) m.get("gave_up_ms");
        String told = gaveUp == null ? "" : " (" + obs.get("told") + ")";
        if (((Number) m.get("data_flowed")).intValue() == 1) {
            // A polling fallback only receives: its client's sends need the socket, so no echo comes back.
            String roundTrip = m.get("latency_p50_ms") == null ? " (no echo came back)"
                    : ", echo round trip p50 " + Millis.format((Double) m.get("latency_p50_ms")) + " / p95 "
                    + Millis.format((Double) m.get("latency_p95_ms")) + " ms (through the open proxy over WebSocket: "
                    + Millis.format((Double) m.get("ws_latency_p50_ms")) + " / "
                    + Millis.format((Double) m.get("ws_latency_p95_ms")) + " ms)";
            return Judgement.pass("Data kept flowing over " + obs.get("transport") + ": " + m.get("delivered")
                    + " pushes" + roundTrip
                    + (gaveUp == null ? "." : "; told at " + Millis.format(gaveUp) + " ms" + told + "."));
        }
        long attempts = ((Number) m.get("attempts")).longValue();
        String tries = attempts + " attempt" + (attempts == 1 ? "" : "s") + " in " + windowMs + " ms.";
        if (gaveUp != null && gaveUp <= boundMs) {
            return Judgement.pass("The client gave up and told the application after " + Millis.format(gaveUp) + " ms"
                    + told + "; " + tries);
        }
        if (gaveUp != null) {
            return Judgement.degraded("The client told the application only after " + Millis.format(gaveUp)
                    + " ms, later than the bound of " + boundMs + " ms" + told + "; " + tries);
        }
        if (attempts > 1) {
            return Judgement.degraded("The client retried " + (attempts - 1) + " times in " + windowMs
                    + " ms without telling the application anything, and nothing flowed.");
        }
        return Judgement.fail("The client told the application nothing and nothing flowed in " + windowMs + " ms.");
    }

    /**
     * The echo round trips of the numbered messages in these events: from the start of the send
     * call (the {@code sent} event's time less its {@code latency_us}) to the {@code echo} with the
     * same seq, of sends started at or after {@code fromMicros}; sorted, in ms.
     */
    static List<Double> roundTrips(List<Event> events, long fromMicros) {
        Map<Long, Long> started = new HashMap<>();
        List<Double> out = new ArrayList<>();
        for (Event e : events) {
            long seq = e.num("seq", -1);
            if (seq < 0) {
                continue;
            }
            if (e.ev().equals("sent") && !TimelineQueries.endsSession(e)) {
                long start = e.tMicros() - e.num("latency_us", 0);
                if (start >= fromMicros) {
                    started.putIfAbsent(seq, start);
                }
            } else if (e.ev().equals("echo") && started.containsKey(seq)) {
                out.add(TimelineQueries.ms(started.remove(seq), e.tMicros()));
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * From when the control session rode on WebSocket: from the start for a stack that names no
     * transport, from its first {@code transport} "websocket" for one that does (socket.io starts
     * on polling and upgrades), never when it did not upgrade.
     */
    private static long webSocketSince(List<Event> control) {
        boolean named = control.stream().anyMatch(e -> e.ev().equals("transport"));
        if (!named) {
            return Long.MIN_VALUE;
        }
        return control.stream().filter(e -> e.ev().equals("transport") && "websocket".equals(e.str("name")))
                .mapToLong(Event::tMicros).findFirst().orElse(Long.MAX_VALUE);
    }

    /** A session opened at least the in-flight time before the end that nothing arrived on and nothing ended. */
    private static Optional<Event> silentOpen(List<Event> events, long until) {
        return events.stream()
                .filter(e -> e.ev().equals("open") && e.tMicros() <= until - Delivery.IN_FLIGHT_MS * 1000)
                .filter(open -> events.stream().noneMatch(e -> open.session().equals(e.session())
                        && (e.ev().equals("recv") || e.ev().equals("echo") || TimelineQueries.endsSession(e))))
                .findFirst();
    }

    /** The transports these events name, in order ("polling", "polling -> websocket"), else "websocket" or "none". */
    private static String transport(List<Event> events, boolean flowed) {
        List<String> names = new ArrayList<>();
        for (Event e : events) {
            if (e.ev().equals("transport") && e.str("name") != null && !names.contains(e.str("name"))) {
                names.add(e.str("name"));
            }
        }
        if (!names.isEmpty()) {
            return String.join(" -> ", names);
        }
        // Without transport events: the WebSocket, or the polling fallback's GET /poll (recv via poll).
        for (Event e : events) {
            String way = !e.ev().equals("recv") ? null : "poll".equals(e.str("via")) ? "poll" : "websocket";
            if (way != null && !names.contains(way)) {
                names.add(way);
            }
        }
        return flowed && !names.isEmpty() ? String.join(" + ", names) : flowed ? "websocket" : "none";
    }

    /**
     * The HTTP status the application was told of ("403"), or "none": whether the error says why
     * the handshake failed (the proxy's 403, the server's answer to a plain GET) or only that it did.
     */
    static String httpStatus(Event end) {
        String error = end.ev().equals("error") ? end.str("error") : null;
        Matcher m = HTTP_STATUS.matcher(error == null ? "" : error);
        return m.find() ? m.group(1) : "none";
    }

    /** What the application was told: the close as the report words it, or the error's whole text (cut). */
    static String told(Event end) {
        if (!end.ev().equals("error") || end.str("error") == null) {
            return TimelineQueries.told(end);
        }
        String text = "error " + end.str("error").strip();
        return text.length() <= TOLD_CHARS ? text : text.substring(0, TOLD_CHARS - 3) + "...";
    }
}
