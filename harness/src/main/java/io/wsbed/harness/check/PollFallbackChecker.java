package io.wsbed.harness.check;

import static io.wsbed.harness.metrics.TimelineQueries.ms;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fault scenario run with the client in {@code --reconnect poll-fallback}: the scenario's own
 * checker judges detection and reconnect as in its backoff cells (the verdict is its verdict),
 * and this adds what the polling fallback did for the application's data, from the client's
 * {@code poll} events and its {@code recv} events with {@code via: "poll"}: did data keep arriving
 * while the WebSocket was down, and what did it cost? The figures ({@link #figures}) need only the
 * client, its session at the stimulus and the server, so any scenario with a {@code fault} mark can
 * report them (server-crash, network-blackhole, websocket-blocked).
 */
public final class PollFallbackChecker implements Checker {
    private final Checker scenario;

    /** @param scenario the checker of the scenario's backoff cells, whose verdict stands */
    public PollFallbackChecker(Checker scenario) {
        this.scenario = scenario;
    }

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        Outcome inner = scenario.check(cell, t, h);
        Connection conn = Connection.atStimulus(h);
        return withFigures(inner, figures(h, conn.client(), conn.clientSession(), conn.server(), conn.serverSession(),
                conn.t0(), t.tickMs()));
    }

    /** The scenario's outcome with the fallback's figures added and its reason ending in what the fallback did. */
    private static Outcome withFigures(Outcome inner, Map<String, Object> figures) {
        Map<String, Object> metrics = new LinkedHashMap<>(inner.metrics());
        Map<String, Object> obs = new LinkedHashMap<>(inner.observations());
        obs.put("stream_resumed", figures.remove("stream_resumed"));
        metrics.putAll(figures); // the fallback's stream gap counts polled pushes too: it replaces the scenario's
        Judgement j = inner.judgement();
        String reason = j.reason().endsWith(".") ? j.reason().substring(0, j.reason().length() - 1) : j.reason();
        return new Outcome(metrics, obs, new Judgement(j.verdict(), reason + "; " + sentence(metrics) + "."));
    }

    /** The figures about the application's data alone, for cells without the fallback. */
    public static final List<String> DATA_FIGURES = List.of("stream_gap_ms", "missed_pushes", "undelivered_pushes");

    /**
     * {@code scenario}'s checker with the data figures of {@link #figures} ({@link #DATA_FIGURES})
     * added, its verdict and reason untouched: a backoff cell then reads side by side with its
     * poll-fallback variant.
     */
    public static Checker withDataFigures(Checker scenario) {
        return (cell, t, h) -> {
            Outcome inner = scenario.check(cell, t, h);
            Connection conn = Connection.atStimulus(h);
            Map<String, Object> all = figures(h, conn.client(), conn.clientSession(), conn.server(), conn.serverSession(),
                    conn.t0(), t.tickMs());
            Map<String, Object> metrics = new LinkedHashMap<>(inner.metrics());
            DATA_FIGURES.forEach(f -> metrics.put(f, all.get(f)));
            return new Outcome(metrics, inner.observations(), inner.judgement());
        };
    }

    /**
     * {@code scenario}'s checker with the fallback's figures for a client that had no session at
     * the stimulus: the {@code fault} mark's {@code client}, watched from t0 (websocket-blocked,
     * whose blocked client never opens a WebSocket); the verdict stands, the reason gains what the
     * fallback did. Without a server session there is no {@code undelivered_pushes}.
     */
    public static Checker forClientWithoutSession(Checker scenario) {
        return (cell, t, h) -> {
            Event fault = h.requireMark("fault");
            return withFigures(scenario.check(cell, t, h),
                    figures(h, fault.str("client"), null, null, null, fault.tMicros(), t.tickMs()));
        };
    }

    /** What the fallback did, in one clause of the reason. */
    static String sentence(Map<String, Object> m) {
        Object down = m.get("down_ms");
        if (down == null) {
            return "the WebSocket never went down for the application, so it never polled";
        }
        long via = (Long) m.get("delivered_via_poll");
        long during = (Long) m.get("delivered_during_fault");
        Object rate = m.get("poll_requests_per_s");
        return String.format(Locale.ROOT, "the polling fallback delivered %d push%s while the fault lasted and %d after it,"
                        + " in %s ms down (%d request%s, %s/s, %d failed)",
                during, during == 1 ? "" : "es", via - during, Millis.format((Double) down), (Long) m.get("poll_requests"),
                (Long) m.get("poll_requests") == 1 ? "" : "s", rate == null ? "-" : rate, (Long) m.get("poll_failed"));
    }

    /**
     * The polling fallback's figures for one client across a fault at {@code t0}:
     * <ul>
     * <li>{@code down_ms}: from the first end of {@code clientSession} the application was told
     * (at or after t0) to the client's next {@code open}, or to the end of the observation; null
     * when the application was never told (it then never polls);</li>
     * <li>{@code poll_requests}, {@code poll_failed} (an error or a status other than 200),
     * {@code poll_requests_per_s}: the client's {@code poll} events while it was down, and that
     * count per second of {@code down_ms};</li>
     * <li>{@code delivered_via_poll}: {@code recv} events with {@code via: "poll"} from t0 on;
     * {@code delivered_during_fault}: those before the fault ended (the first {@code recover} mark
     * from t0 on; without one the client's next {@code open}, or the end of the observation): the
     * data the fallback kept flowing, the rest it caught up afterwards;</li>
     * <li>{@code stream_gap_ms}: the longest stretch without a push delivered to the application
     * (either way), from the last one before t0 to the end of the observation (a stream that never
     * came back counts to that end; observation {@code stream_resumed});</li>
     * <li>{@code missed_pushes}: that gap in ticks, less one (as server-crash counts it: the pushes a
     * live feed did not deliver);</li>
     * <li>{@code undelivered_pushes}: the seqs {@code server} reported sent ok on
     * {@code serverSession} from t0 on (at least {@link Delivery#IN_FLIGHT_MS} before the end of the
     * observation) that the application never got: not on {@code clientSession}, nor by a poll
     * before the client's next {@code open} (after it, a restarted server's seqs start again at 1).</li>
     * </ul>
     *
     * @param clientSession the client's session at t0, or null when it had none (no {@code down_ms} then
     *     counts from t0)
     * @param serverSession the server's session at t0, or null ({@code undelivered_pushes} is then null)
     */
    public static Map<String, Object> figures(History h, String client, String clientSession, String server,
                                              String serverSession, long t0, long tickMs) {
        long until = h.observedUntil();
        List<Event> mine = h.observed().stream().filter(e -> e.source().equals(client)).toList();
        Optional<Long> downFrom = clientSession == null ? Optional.of(t0) : mine.stream()
                .filter(e -> e.tMicros() >= t0 && clientSession.equals(e.session()) && TimelineQueries.endsSession(e))
                .map(Event::tMicros).findFirst();
        Optional<Long> reopen = downFrom.flatMap(from -> mine.stream()
                .filter(e -> e.ev().equals("open") && e.tMicros() > from).map(Event::tMicros).findFirst());
        long downUntil = reopen.orElse(until);

        Map<String, Object> m = new LinkedHashMap<>();
        Double down = downFrom.map(from -> ms(from, downUntil)).orElse(null);
        m.put("down_ms", down);
        List<Event> polls = downFrom.map(from -> mine.stream().filter(e -> e.ev().equals("poll") && !e.flag("stale")
                && e.tMicros() >= from && e.tMicros() <= downUntil).toList()).orElse(List.of());
        m.put("poll_requests", (long) polls.size());
        m.put("poll_failed", polls.stream().filter(e -> e.str("error") != null || e.num("status", 0) != 200).count());
        m.put("poll_requests_per_s", down == null || down <= 0 ? null
                : Math.round(polls.size() * 10_000.0 / down) / 10.0);
        List<Event> pushes = mine.stream().filter(e -> e.ev().equals("recv") && e.num("seq", -1) >= 0
                && e.num("bytes", -1) < 0).toList();
        m.put("delivered_via_poll", pushes.stream().filter(e -> e.tMicros() >= t0 && "poll".equals(e.str("via"))).count());
        long faultEnd = h.marks("recover").stream().map(Event::tMicros).filter(t -> t >= t0).findFirst()
                .orElse(reopen.orElse(until));
        m.put("delivered_during_fault", pushes.stream().filter(e -> e.tMicros() >= t0 && e.tMicros() < faultEnd
                && "poll".equals(e.str("via"))).count());

        Double streamGap = longestGap(pushes, t0, until);
        boolean resumed = pushes.stream().anyMatch(e -> e.tMicros() >= t0 && TimelineQueries.socketRecv(e)
                && e.tMicros() >= downFrom.orElse(t0));
        m.put("stream_gap_ms", streamGap);
        m.put("missed_pushes", streamGap == null ? null : Math.max(0, Math.round(streamGap / tickMs) - 1));
        m.put("undelivered_pushes", serverSession == null ? null
                : undelivered(h, client, clientSession, server, serverSession, t0, reopen.orElse(Long.MAX_VALUE)));
        m.put("stream_resumed", resumed);
        return m;
    }

    /**
     * The longest stretch between consecutive pushes, from the last one before t0 to {@code until}
     * (which ends the last stretch); null when no push arrived at all.
     */
    private static Double longestGap(List<Event> pushes, long t0, long until) {
        List<Long> times = new ArrayList<>();
        pushes.stream().filter(e -> e.tMicros() < t0).map(Event::tMicros).reduce((a, b) -> b).ifPresent(times::add);
        pushes.stream().filter(e -> e.tMicros() >= t0).map(Event::tMicros).forEach(times::add);
        if (times.isEmpty()) {
            return null;
        }
        times.add(until);
        double gap = 0;
        for (int i = 1; i < times.size(); i++) {
            gap = Math.max(gap, ms(times.get(i - 1), times.get(i)));
        }
        return gap;
    }

    private static long undelivered(History h, String client, String clientSession, String server, String serverSession,
                                    long t0, long reopen) {
        Set<Long> got = h.events().stream().filter(e -> e.source().equals(client) && e.ev().equals("recv")
                        && ((clientSession != null && clientSession.equals(e.session()))
                        || ("poll".equals(e.str("via")) && e.tMicros() < reopen)))
                .map(e -> e.num("seq", -1)).collect(Collectors.toSet());
        boolean clientGone = h.marks("peer-gone").stream().anyMatch(mk -> client.equals(mk.str("target")));
        long sentBy = h.observedUntil() - (clientGone ? 0 : Delivery.IN_FLIGHT_MS * 1000);
        return h.events().stream().filter(e -> e.source().equals(server) && e.ev().equals("sent")
                        && serverSession.equals(e.session()) && "ok".equals(e.str("outcome")))
                .filter(e -> e.tMicros() >= t0 && e.tMicros() <= sentBy && e.num("seq", -1) >= 0)
                .filter(e -> !got.contains(e.num("seq", -1))).count();
    }
}
