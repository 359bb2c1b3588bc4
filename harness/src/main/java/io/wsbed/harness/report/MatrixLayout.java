package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.ScenarioInfo;
import io.wsbed.harness.stack.StackDescriptor;
import io.wsbed.harness.stack.StackInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two views of the matrix that the text writers share: the server view (server stacks
 * across, against the reference client) and the client view (client stacks across, against the
 * reference server), rows being scenario, path and profile. Cells in neither view (possible in a
 * merged report) are listed apart, so nothing results.json holds goes missing.
 */
final class MatrixLayout {

    /**
     * One table: a title, the role of its column stacks ("server": servers against the reference
     * client, or "client"), the stack the other side is pinned to, its column stacks, its rows and a
     * cell lookup.
     */
    record Table(String title, String role, String pin, List<String> columns, List<Row> rows,
                 Map<String, CellResult> byRowAndColumn) {
        Optional<CellResult> at(Row row, String column) {
            return Optional.ofNullable(byRowAndColumn.get(row.key() + "|" + column));
        }

        /** The row's cells in column order. */
        List<CellResult> cells(Row row) {
            return columns.stream().map(col -> at(row, col)).flatMap(Optional::stream).toList();
        }

        /** The stack a cell stands for in this table: its server or its client. */
        String columnOf(CellResult c) {
            return role.equals("server") ? c.server() : c.client();
        }

        /** "servers against client jdk". */
        String against() {
            return role.equals("server") ? "servers against client " + pin : "clients against server " + pin;
        }
    }

    /** A row of a table. */
    record Row(String scenario, String path, String profile) {
        String key() {
            return scenario + "|" + path + "|" + profile;
        }

        /** "server-crash · nginx · default". */
        String label() {
            return scenario + " \u00b7 " + path + " \u00b7 " + profile;
        }
    }

    private MatrixLayout() {
    }

    static String referenceClient(Results r) {
        return String.valueOf(r.run().selection().getOrDefault("reference_client", "jdk"));
    }

    static String referenceServer(Results r) {
        return String.valueOf(r.run().selection().getOrDefault("reference_server", "jetty"));
    }

    /**
     * For each protocol family (plain WebSocket first), its server view, and its client view when it
     * has at least one client stack besides the server view's cell. Another family's tables are
     * pinned to its first stack by id with the role, as the run paired them.
     */
    static List<Table> tables(Results r) {
        List<Table> out = new ArrayList<>();
        for (String family : families(r)) {
            out.addAll(tables(r, family));
        }
        return out;
    }

    private static List<Table> tables(Results r, String family) {
        List<Table> out = new ArrayList<>();
        boolean websocket = family.equals(StackDescriptor.WEBSOCKET);
        String client = websocket ? referenceClient(r) : firstOf(r, family, "client");
        String server = websocket ? referenceServer(r) : firstOf(r, family, "server");
        Set<String> members = members(r, family);
        String prefix = websocket ? "" : family + " ";
        Table servers = table(r, prefix + "Servers (client: " + client + ")", "server", client,
                c -> c.client().equals(client) && members.contains(c.server()));
        // A client-view row holding only the reference client's cell (a scenario of the server view
        // alone) compares nothing; that cell is in the server view already.
        Set<String> compared = new HashSet<>();
        r.cells().stream().filter(c -> c.server().equals(server) && !c.client().equals(client))
                .forEach(c -> compared.add(c.scenario() + "|" + c.path().id() + "|" + c.profile()));
        Table clients = table(r, prefix + "Clients (server: " + server + ")", "client", server,
                c -> c.server().equals(server) && members.contains(c.client())
                && (compared.isEmpty() || compared.contains(c.scenario() + "|" + c.path().id() + "|" + c.profile())));
        if (!servers.rows().isEmpty()) {
            out.add(servers);
        }
        boolean clientViewAddsCells = clients.columns().stream().anyMatch(col -> !col.equals(client));
        if (!clients.rows().isEmpty() && (clientViewAddsCells || servers.rows().isEmpty())) {
            out.add(clients);
        }
        return out;
    }

    /** The protocol families of the run's stacks: websocket first, then the others by name. */
    private static List<String> families(Results r) {
        Set<String> families = new java.util.TreeSet<>();
        r.stacks().forEach(s -> families.add(s.protocol()));
        List<String> out = new ArrayList<>(List.of(StackDescriptor.WEBSOCKET));
        families.stream().filter(f -> !f.equals(StackDescriptor.WEBSOCKET)).forEach(out::add);
        return out;
    }

    /** The family's stacks; stacks results.json does not describe count as plain WebSocket. */
    private static Set<String> members(Results r, String family) {
        Set<String> described = new HashSet<>();
        Set<String> out = new HashSet<>();
        r.stacks().forEach(s -> {
            described.add(s.id());
            if (s.protocol().equals(family)) {
                out.add(s.id());
            }
        });
        if (family.equals(StackDescriptor.WEBSOCKET)) {
            r.cells().forEach(c -> {
                for (String id : List.of(c.server(), c.client())) {
                    if (!described.contains(id)) {
                        out.add(id);
                    }
                }
            });
        }
        return out;
    }

    private static String firstOf(Results r, String family, String role) {
        return r.stacks().stream().filter(s -> s.protocol().equals(family) && s.roles().contains(role))
                .map(StackInfo::id).sorted().findFirst().orElse("");
    }

    /** Cells that no table shows. */
    static List<CellResult> others(Results r) {
        Set<String> shown = new HashSet<>();
        for (Table t : tables(r)) {
            t.byRowAndColumn().values().forEach(c -> shown.add(c.id()));
        }
        return r.cells().stream().filter(c -> !shown.contains(c.id())).toList();
    }

    private static Table table(Results r, String title, String role, String pin,
                               java.util.function.Predicate<CellResult> inView) {
        java.util.function.Function<CellResult, String> column = role.equals("server") ? CellResult::server
                : CellResult::client;
        List<CellResult> view = r.cells().stream().filter(inView).toList();
        Set<String> columns = new LinkedHashSet<>();
        Map<String, CellResult> lookup = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (CellResult c : view) {
            columns.add(column.apply(c));
            Row row = new Row(c.scenario(), c.path().id(), c.profile());
            if (!rows.contains(row)) {
                rows.add(row);
            }
            lookup.put(row.key() + "|" + column.apply(c), c);
        }
        List<String> order = stackOrder(r);
        List<String> sortedColumns = columns.stream().sorted(Comparator.comparingInt(order::indexOf)).toList();
        List<String> scenarioOrder = r.scenarios().stream().map(ScenarioInfo::id).toList();
        List<Row> sortedRows = rows.stream().sorted(Comparator.comparingInt((Row x) -> rank(scenarioOrder, x.scenario())))
                .toList();
        return new Table(title, role, pin, sortedColumns, sortedRows, lookup);
    }

    /** Stacks in the order results.json lists them; unknown ones after, in order of appearance. */
    private static List<String> stackOrder(Results r) {
        List<String> order = new ArrayList<>(r.stacks().stream().map(StackInfo::id).toList());
        r.cells().forEach(c -> {
            if (!order.contains(c.server())) {
                order.add(c.server());
            }
            if (!order.contains(c.client())) {
                order.add(c.client());
            }
        });
        return order;
    }

    private static int rank(List<String> order, String id) {
        int i = order.indexOf(id);
        return i < 0 ? order.size() : i;
    }
}
