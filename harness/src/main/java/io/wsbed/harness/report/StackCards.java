package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.stack.StackInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One card per stack, from results.json alone: what the stack told its application in each fault
 * (close code or error class, and each send's answer after close), its detection and reconnect
 * times against the median of its view, its heartbeat and send API as its {@code info} described
 * them, what starting its processes cost, and the stacks.md predictions about it. A stack's cells
 * are those of its column: the server view for a server, the client view for a client.
 */
final class StackCards {

    /**
     * What a stack's side said in one fault.
     *
     * @param role "server" or "client"
     * @param when the scenario, or for a send "send after local close"
     * @param what "close 1006", "error java.net.SocketException", "failed java.io.IOException"
     * @param cells the cells that saw it
     */
    record Said(String role, String when, String what, List<String> cells) {
    }

    /** A figure of the stack (median over its cells of a scenario) against its view's median over the same. */
    record Figure(String role, String scenario, String figure, double stack, int stackCells, double view, int viewCells,
                  boolean far) {
    }

    /** Process start times in ms (timings.process_start_ms) in one role, against every stack's in that role. */
    record Start(String role, double median, int samples, double all, int allSamples) {
    }

    record Card(StackInfo stack, List<Said> told, List<Said> sends, List<Figure> figures, List<Start> starts,
                List<Predictions.Check> predictions) {
    }

    private StackCards() {
    }

    static List<Card> of(Results r) {
        List<MatrixLayout.Table> tables = MatrixLayout.tables(r);
        List<Predictions.Check> checks = Predictions.check(r);
        List<Card> out = new ArrayList<>();
        for (StackInfo s : r.stacks()) {
            List<Said> told = new ArrayList<>();
            List<Said> sends = new ArrayList<>();
            List<Figure> figures = new ArrayList<>();
            for (MatrixLayout.Table t : tables) {
                List<CellResult> mine = t.rows().stream().flatMap(row -> t.at(row, s.id()).stream()).toList();
                told.addAll(told(t.role(), mine));
                sends.addAll(sends(t.role(), mine));
                figures.addAll(figures(t, mine));
            }
            List<Start> starts = new ArrayList<>();
            for (String role : List.of("server", "client")) {
                List<Double> own = starts(r, role, c -> (role.equals("server") ? c.server() : c.client()).equals(s.id()));
                if (!own.isEmpty()) {
                    List<Double> all = starts(r, role, c -> true);
                    starts.add(new Start(role, Figures.median(own), own.size(), Figures.median(all), all.size()));
                }
            }
            out.add(new Card(s, told, sends, figures, starts,
                    checks.stream().filter(c -> c.key().startsWith(s.id() + ".")).toList()));
        }
        return out;
    }

    /** What the stack's side was told, by scenario and by what. */
    private static List<Said> told(String role, List<CellResult> cells) {
        Map<String, Said> out = new LinkedHashMap<>();
        for (CellResult c : cells) {
            if (c.observations().get(role + "_told") instanceof String text) {
                add(out, role, c.scenario(), text, c);
            }
        }
        return frozen(out);
    }

    /** How the stack's send API answered a send after close, by moment and by outcome with its error class. */
    private static List<Said> sends(String role, List<CellResult> cells) {
        Map<String, Said> out = new LinkedHashMap<>();
        for (CellResult c : cells) {
            c.observations().forEach((key, value) -> {
                if (key.startsWith(role + "_") && key.endsWith("_outcome") && Signals.isSignal(key)
                        && value instanceof String outcome) {
                    Object error = c.observations().get(key.substring(0, key.length() - "outcome".length()) + "error");
                    add(out, role, "send after " + Signals.moment(key), outcome + (error == null ? "" : " " + error), c);
                }
            });
        }
        return frozen(out);
    }

    private static void add(Map<String, Said> out, String role, String when, String what, CellResult c) {
        out.computeIfAbsent(when + "\n" + what, k -> new Said(role, when, what, new ArrayList<>())).cells().add(c.id());
    }

    private static List<Said> frozen(Map<String, Said> out) {
        return out.values().stream().map(s -> new Said(s.role(), s.when(), s.what(), List.copyOf(s.cells()))).toList();
    }

    private static List<Figure> figures(MatrixLayout.Table t, List<CellResult> mine) {
        List<Figure> out = new ArrayList<>();
        Set<String> scenarios = new LinkedHashSet<>(mine.stream().map(CellResult::scenario).toList());
        List<CellResult> view = t.rows().stream().flatMap(row -> t.cells(row).stream()).toList();
        for (String scenario : scenarios) {
            List<CellResult> own = mine.stream().filter(c -> c.scenario().equals(scenario)).toList();
            Set<String> names = new LinkedHashSet<>();
            own.forEach(c -> names.addAll(Figures.of(c).keySet()));
            for (String name : names) {
                List<Double> ownValues = values(own, name);
                List<Double> viewValues = values(view.stream().filter(c -> c.scenario().equals(scenario)).toList(), name);
                double a = Figures.median(ownValues);
                double b = Figures.median(viewValues);
                out.add(new Figure(t.role(), scenario, name, a, ownValues.size(), b, viewValues.size(), Figures.far(a, b)));
            }
        }
        return out;
    }

    private static List<Double> values(List<CellResult> cells, String figure) {
        return cells.stream().map(c -> Figures.of(c).get(figure)).filter(v -> v != null).toList();
    }

    /** Start times of every process of the role ("server-1", "server-2" ...) in the cells the filter accepts. */
    private static List<Double> starts(Results r, String role, Predicate<CellResult> whose) {
        List<Double> out = new ArrayList<>();
        for (CellResult c : r.cells()) {
            if (whose.test(c) && c.timings().get("process_start_ms") instanceof Map<?, ?> starts) {
                starts.forEach((process, ms) -> {
                    if (process.toString().startsWith(role + "-") && ms instanceof Number n) {
                        out.add(n.doubleValue());
                    }
                });
            }
        }
        return out;
    }
}
