package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.stack.StackDescriptor;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The summary's answer to "does a fallback keep my data flowing when WebSocket is blocked or down,
 * and at what cost?": one row per client stack and profile, one column per scenario of the question
 * the run measured (websocket-blocked, server-crash and network-blackhole, each with the backoff and
 * with the polling fallback), each cell the data figures its cell reported, and an answer from the
 * poll-fallback cells. It reads only what the cells stored; a cell the run did not measure says so.
 * Written only when the run has a poll-fallback or websocket-blocked cell.
 */
final class FallbackSummary {
    /** The question's scenarios, in the order of the columns. */
    static final List<String> SCENARIOS = List.of("websocket-blocked", "websocket-blocked-poll-fallback", "server-crash",
            "server-crash-poll-fallback", "network-blackhole", "network-blackhole-poll-fallback");
    private static final List<NetworkPath> PATH_ORDER = List.of(NetworkPath.DIRECT, NetworkPath.TOXIPROXY, NetworkPath.NGINX);

    private FallbackSummary() {
    }

    static boolean applies(Results r) {
        return r.cells().stream().anyMatch(c -> c.scenario().endsWith("-poll-fallback")
                || c.scenario().startsWith("websocket-blocked"));
    }

    static void write(StringBuilder md, Results r) {
        if (!applies(r)) {
            return;
        }
        List<String> columns = SCENARIOS.stream().filter(s -> r.cells().stream().anyMatch(c -> c.scenario().equals(s)))
                .toList();
        md.append("## Does a fallback keep my data flowing when WebSocket is blocked or down, and at what cost?\n\n");
        md.append("Client view (each client against its family's reference server). Per cell: *via poll* pushes the"
                + " polling fallback handed the application (*during fault* those before the fault ended; the rest it"
                + " caught up after), *gap* the longest stretch without a push (either way),"
                + " *missed* that gap in ticks, *undelivered* pushes the server sent that never reached the application,"
                + " *req/s* poll requests per second while the socket was down; websocket-blocked cells add what they"
                + " report (data flowed, transport, delivered). Not measured in this run: ");
        List<String> absent = SCENARIOS.stream().filter(s -> !columns.contains(s)).toList();
        md.append(absent.isEmpty() ? "nothing" : String.join(", ", absent)).append(".\n\n");
        md.append("| client | profile | answer |");
        columns.forEach(s -> md.append(' ').append(s).append(" |"));
        md.append("\n|---|---|---|");
        columns.forEach(s -> md.append("---|"));
        md.append('\n');
        for (Map.Entry<String, Map<String, CellResult>> row : rows(r, columns).entrySet()) {
            String[] key = row.getKey().split("\\|", 2);
            Map<String, CellResult> cells = row.getValue();
            md.append("| ").append(key[0]).append(" | ").append(key[1]).append(" | ").append(answer(cells)).append(" |");
            for (String s : columns) {
                md.append(' ').append(Optional.ofNullable(cells.get(s)).map(FallbackSummary::cell).orElse("not measured"))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** client|profile -> scenario -> the cell (against the reference server; direct first, then toxiproxy, then nginx). */
    private static Map<String, Map<String, CellResult>> rows(Results r, List<String> columns) {
        String reference = MatrixLayout.referenceServer(r);
        Map<String, String> protocol = new LinkedHashMap<>();
        for (StackInfo s : r.stacks()) {
            protocol.put(s.id(), s.protocol());
        }
        Map<String, Map<String, CellResult>> rows = new TreeMap<>(Comparator
                .comparing((String k) -> k.split("\\|", 2)[0]).thenComparing(k -> profileRank(k.split("\\|", 2)[1])));
        r.cells().stream().filter(c -> columns.contains(c.scenario()))
                .filter(c -> c.server().equals(reference)
                        || !StackDescriptor.WEBSOCKET.equals(protocol.getOrDefault(c.server(), StackDescriptor.WEBSOCKET)))
                .sorted(Comparator.comparingInt(c -> pathRank(c.path())))
                .forEach(c -> rows.computeIfAbsent(c.client() + "|" + c.profile(), k -> new LinkedHashMap<>())
                        .putIfAbsent(c.scenario(), c));
        return rows;
    }

    private static int profileRank(String profile) {
        return profile.equals("default") ? 0 : 1;
    }

    private static int pathRank(NetworkPath p) {
        int i = PATH_ORDER.indexOf(p);
        return i < 0 ? PATH_ORDER.size() : i;
    }

    /**
     * From the row's poll-fallback cells: did the fallback hand the application pushes while the
     * fault lasted (kept it flowing), only after it (caught up), or none, and at what request rate.
     */
    static String answer(Map<String, CellResult> cells) {
        long during = 0;
        long total = 0;
        double rate = -1;
        int measured = 0;
        for (Map.Entry<String, CellResult> e : cells.entrySet()) {
            if (!e.getKey().endsWith("-poll-fallback")) {
                continue;
            }
            Map<String, Object> m = e.getValue().metrics();
            // A variant that reports its deliveries as websocket-blocked does ("delivered") counts them as kept flowing.
            Object via = m.containsKey("delivered_via_poll") ? m.get("delivered_via_poll") : m.get("delivered");
            if (via instanceof Number n) {
                measured++;
                total += n.longValue();
                during += m.get("delivered_during_fault") instanceof Number d ? d.longValue() : n.longValue();
                if (m.get("poll_requests_per_s") instanceof Number q) {
                    rate = Math.max(rate, q.doubleValue());
                }
            }
        }
        String own = ownFallback(cells);
        if (measured == 0) {
            return own == null ? "not measured" : own;
        }
        String cost = rate < 0 ? "no poll while down" : "up to " + number(rate) + " req/s while down";
        String what = during > 0 ? "yes: " + during + " pushes via poll while the fault lasted"
                : total > 0 ? "no, but caught up: " + total + " pushes via poll after the fault" : "no: 0 pushes via poll";
        return (own == null ? "" : own + "; with the polling fallback: ") + what + " (" + cost + ")";
    }

    /**
     * What the stack does of its own when a proxy blocks the Upgrade (its websocket-blocked cell,
     * the backoff): another transport kept data flowing (socket.io's long-polling), at what round
     * trip against its WebSocket session, or it gave up; null when the run has no such cell.
     */
    static String ownFallback(Map<String, CellResult> cells) {
        CellResult blocked = cells.get("websocket-blocked");
        if (blocked == null || !(blocked.metrics().get("data_flowed") instanceof Number flowed)) {
            return null;
        }
        Map<String, Object> m = blocked.metrics();
        if (flowed.intValue() == 1) {
            return "blocked WebSocket: its own " + blocked.observations().get("transport") + " kept data flowing ("
                    + m.get("delivered") + " pushes, echo p50 " + ms(m.get("latency_p50_ms")) + " against "
                    + ms(m.get("ws_latency_p50_ms")) + " over WebSocket)";
        }
        return "blocked WebSocket: no fallback of its own (told after " + ms(m.get("gave_up_ms")) + ")";
    }

    private static String ms(Object value) {
        return value instanceof Number n ? number(n.doubleValue()) + " ms" : "-";
    }

    /** One cell: its verdict and the data figures it reported (a figure or an observation of that name). */
    static String cell(CellResult c) {
        if (c.verdict() == Verdict.SKIPPED || c.verdict() == Verdict.ERROR) {
            return "[" + c.verdict() + "](index.html#cell=" + c.id() + ") "
                    + c.reason().replace("|", "\\|").replace("\n", " ");
        }
        Map<String, Object> m = new LinkedHashMap<>(c.observations());
        m.putAll(c.metrics());
        List<String> parts = new ArrayList<>();
        add(parts, m, "data_flowed", "data flowed ");
        add(parts, m, "transport", "");
        add(parts, m, "delivered", "delivered ");
        add(parts, m, "delivered_via_poll", "via poll ");
        add(parts, m, "delivered_during_fault", "during fault ");
        add(parts, m, "stream_gap_ms", "gap ", " ms");
        add(parts, m, "missed_pushes", "missed ");
        add(parts, m, "undelivered_pushes", "undelivered ");
        add(parts, m, "poll_requests_per_s", "", " req/s");
        String figures = parts.isEmpty() ? "no data figures" : String.join(" · ", parts);
        return "[" + c.verdict() + "](index.html#cell=" + c.id() + ") " + figures;
    }

    private static void add(List<String> parts, Map<String, Object> m, String key, String prefix) {
        add(parts, m, key, prefix, "");
    }

    private static void add(List<String> parts, Map<String, Object> m, String key, String prefix, String suffix) {
        Object v = m.get(key);
        if (v != null) {
            parts.add(prefix + (v instanceof Number n ? number(n.doubleValue()) : String.valueOf(v).replace("|", "\\|"))
                    + suffix);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
