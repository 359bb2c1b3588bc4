package io.wsbed.harness.check;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.verdict.Judgement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * slow-consumer: the {@code sigstop-client} fault is t0, the {@code flood} mark names the server
 * and its session; the server's {@code flood} events count its send calls every 100 ms and its
 * {@code flood-end} event says why the loop stopped; {@code rss} marks sample the server's
 * resident memory. In this order: the server died of out-of-memory (a {@code process-exit} mark
 * with the JVM's out-of-memory exit code 3) is DEGRADED, the same unbounded queue as growth
 * towards the limit seen a little later, and a death with another code is FAIL; the
 * server's application was told the session ended during the flood (a close, an error or a
 * refused send: the stack cut the stalled client) is PASS, as is a flood send the API refused,
 * unless its error is an OutOfMemoryError (DEGRADED: the queue grew to the limit and the process
 * lived); the send API still took messages in
 * the flood's last second without blocking while the memory grew by at least
 * {@value #GROWING_MIB_S} MiB/s (an unbounded queue: nothing can leave towards a client that
 * reads nothing) is DEGRADED with the growth rate, as is an API that stalled at the end but holds
 * messages it took (pending) while the memory grew; otherwise it blocked or dropped: PASS.
 */
public final class SlowConsumerChecker implements Checker {
    /** Below this growth (MiB/s) the memory counts as flat: JVM heaps settle by a few MiB. */
    static final double GROWING_MIB_S = 2.0;
    /** The exit code of a JVM stopped by -XX:+ExitOnOutOfMemoryError (the limit's flags, JavaLauncher.memoryLimit). */
    static final int OOM_EXIT = 3;
    /** The exit code of a Node process that hit V8's heap limit (--max-old-space-size): it aborts (128 + SIGABRT). */
    static final int V8_HEAP_ABORT_EXIT = 134;

    @Override
    public Outcome check(Cell cell, Timings t, History h) {
        long t0 = h.t0();
        Event flood = h.requireMark("flood");
        String server = flood.str("target");
        String session = flood.str("session");
        if (server == null || session == null) {
            throw new HistoryException("the flood mark names no target or session");
        }
        List<Event> rss = h.marks("rss").stream().filter(e -> server.equals(e.str("target"))).toList();
        if (rss.isEmpty()) {
            throw new HistoryException("the timeline has no rss sample of " + server);
        }
        List<Event> progress = h.events().stream().filter(e -> e.source().equals(server)
                && (e.ev().equals("flood") || e.ev().equals("flood-end"))).toList();
        Optional<Event> end = progress.stream().filter(e -> e.ev().equals("flood-end")).findFirst();
        Optional<Event> died = h.marks("process-exit").stream().filter(e -> server.equals(e.str("target"))).findFirst();
        Event last = end.orElse(progress.isEmpty() ? null : progress.get(progress.size() - 1));
        long floodEnd = died.map(Event::tMicros).orElse(last == null ? h.observedUntil() : last.tMicros());
        // Only a cut during the flood is the stack's: the harness kills the stopped client after it.
        Optional<Event> cut = h.events().stream().filter(e -> e.source().equals(server) && session.equals(e.session())
                && e.tMicros() >= t0 && e.tMicros() <= floodEnd && TimelineQueries.endsSession(e)).findFirst();

        Event start = rss.stream().filter(e -> e.tMicros() <= t0).reduce((a, b) -> b).orElse(rss.get(0));
        Event peak = rss.stream().filter(e -> e.tMicros() >= start.tMicros() && e.tMicros() <= floodEnd).max((a, b) -> Long.compare(a.num("rss_kib", 0),
                b.num("rss_kib", 0))).orElse(start);
        double startMib = mib(start);
        double peakMib = mib(peak);
        double seconds = Math.max(0.001, (peak.tMicros() - flood.tMicros()) / 1e6);
        double growth = peak == start ? 0 : Math.max(0, (peakMib - startMib) / seconds);

        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> obs = new LinkedHashMap<>();
        metrics.put("rss_growth_mib_s", round(growth));
        metrics.put("rss_start_mib", round(startMib));
        metrics.put("rss_peak_mib", round(peakMib));
        metrics.put("rss_end_mib", round(mib(rss.get(rss.size() - 1))));
        for (String k : List.of("calls", "ok", "blocked", "failed", "pending")) {
            metrics.put(k, last == null ? null : last.num(k, 0));
        }
        Long lastSecond = acceptedLastSecond(progress, last);
        metrics.put("accepted_last_s", lastSecond);
        metrics.put("cut_ms", cut.map(e -> TimelineQueries.ms(t0, e.tMicros())).orElse(null));
        metrics.put("died_ms", died.map(e -> TimelineQueries.ms(t0, e.tMicros())).orElse(null));
        obs.put("flood_end", end.map(e -> e.str("reason")).orElse(null));
        obs.put("flood_error", last == null ? null : TimelineQueries.errorClass(last.str("error")));
        obs.put("server_told", cut.map(TimelineQueries::told).orElse("nothing"));
        obs.put("server_close_code", cut.filter(e -> e.ev().equals("close")).map(e -> e.num("code", -1)).orElse(null));
        obs.put("exit_code", died.map(e -> e.fields().get("exit_code")).orElse(null));

        String memory = String.format(Locale.ROOT, "RSS %.0f -> %.0f MiB (%s MiB/s)", startMib, peakMib, fmt(growth));
        String counts = last == null ? "no flood progress" : String.format(Locale.ROOT,
                "%d send calls: %d ok, %d blocked over 100 ms, %d failed, %d pending", last.num("calls", 0),
                last.num("ok", 0), last.num("blocked", 0), last.num("failed", 0), last.num("pending", 0))
                + (last.num("in_call_ms", 0) > 100 ? ", one call still blocked after " + last.num("in_call_ms", 0) + " ms" : "");
        if (died.isPresent()) {
            Object code = died.get().fields().get("exit_code");
            String when = Millis.format(TimelineQueries.ms(t0, died.get().tMicros()));
            if (Integer.valueOf(OOM_EXIT).equals(asInt(code)) || Integer.valueOf(V8_HEAP_ABORT_EXIT).equals(asInt(code))) {
                // The same unbounded queue as a live process growing towards the limit, seen a little later.
                return new Outcome(metrics, obs, Judgement.degraded("The server died of out-of-memory " + when
                        + " ms into the flood (exit code " + code + " under the heap limit), memory growing at "
                        + fmt(growth) + " MiB/s; " + memory + "; " + counts + "."));
            }
            return new Outcome(metrics, obs, Judgement.fail("The server died " + when + " ms into the flood (exit code "
                    + code + ", not the out-of-memory exit); " + memory + "; " + counts + "."));
        }
        String error = last == null ? null : last.str("error");
        if (error != null && error.contains("OutOfMemoryError")) {
            return new Outcome(metrics, obs, Judgement.degraded("The server ran out of memory queueing for the stalled"
                    + " client (" + TimelineQueries.errorClass(error) + " caused by OutOfMemoryError) at "
                    + fmt(growth) + " MiB/s; " + memory + "; " + counts + "."));
        }
        if (cut.isPresent()) {
            return new Outcome(metrics, obs, Judgement.pass("The server cut the stalled client after "
                    + Millis.format(TimelineQueries.ms(t0, cut.get().tMicros())) + " ms (" + TimelineQueries.told(cut.get())
                    + "); " + memory + "; " + counts + "."));
        }
        if (last != null && last.num("failed", 0) > 0) {
            return new Outcome(metrics, obs, Judgement.pass("The send API refused messages to the stalled client ("
                    + last.num("failed", 0) + " failed" + (last.str("error") == null ? ""
                    : ", first " + TimelineQueries.errorClass(last.str("error"))) + "); " + memory + "; " + counts + "."));
        }
        boolean stuck = last != null && (last.num("in_call_ms", 0) > 100 || "stuck".equals(last.str("reason")));
        boolean accepting = lastSecond != null && lastSecond > 0 && !stuck;
        long pending = last == null ? 0 : last.num("pending", 0);
        if (accepting && growth >= GROWING_MIB_S) {
            return new Outcome(metrics, obs, Judgement.degraded("The send API kept taking messages (" + lastSecond
                    + " in the last second) while the client read nothing: memory grew at " + fmt(growth) + " MiB/s; "
                    + memory + "; " + counts + "."));
        }
        if (pending > 0 && growth >= GROWING_MIB_S) {
            // Stalled at the end (a full heap slows everything), but holding what it took: the same queue.
            return new Outcome(metrics, obs, Judgement.degraded("The send API took " + pending + " messages it could not"
                    + " send and holds them while the client reads nothing: memory grew at " + fmt(growth) + " MiB/s; "
                    + memory + "; " + counts + "."));
        }
        String how = stuck || lastSecond == null || lastSecond == 0 ? "the send call blocked" : "the memory stayed flat"
                + " while the API kept taking messages (dropped or kept outside the heap)";
        return new Outcome(metrics, obs, Judgement.pass("The server held: " + how + "; " + memory + "; " + counts + "."));
    }

    /** Calls between the last progress event at least 1 s before the end and the end, or null when the flood was shorter. */
    private static Long acceptedLastSecond(List<Event> progress, Event last) {
        if (last == null) {
            return null;
        }
        long endMs = last.num("elapsed_ms", 0);
        Event before = null;
        for (Event e : progress) {
            if (e.num("elapsed_ms", 0) <= endMs - 1000) {
                before = e;
            }
        }
        return before == null ? null : last.num("calls", 0) - before.num("calls", 0);
    }

    private static Integer asInt(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }

    private static double mib(Event rss) {
        return rss.num("rss_kib", 0) / 1024.0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
