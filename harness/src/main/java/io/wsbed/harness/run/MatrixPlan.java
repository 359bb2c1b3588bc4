package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.Scenarios;
import io.wsbed.harness.stack.StackInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the selection into cells. The server view runs every selected server stack against the
 * reference client of its protocol family in every selected scenario; the client view runs every
 * selected client stack against the reference server of its family in the scenarios that have a
 * client side. Selecting only server stacks drops the client view, and selecting only client
 * stacks drops the server view. Nothing is paired across protocol families (a socket.io server
 * with a plain WebSocket client would measure a failed handshake, not resilience). A path may
 * narrow this: wss cells run in the client view and the default profile only
 * ({@link NetworkPath#clientViewOnly()}, {@link NetworkPath#runsIn}).
 */
public final class MatrixPlan {
    private MatrixPlan() {
    }

    public static List<Cell> plan(Settings s, Map<String, StackInfo> infos) {
        List<String> scenarios = s.scenarios().isEmpty() ? Scenarios.ids() : s.scenarios();
        scenarios.forEach(Scenarios::create);
        List<Profile> profiles = (s.profiles().isEmpty() ? List.of("default", "heartbeat") : s.profiles())
                .stream().map(Profile::byId).toList();
        List<NetworkPath> paths = s.paths().stream().map(p -> NetworkPath.byId(p, "wsbed.paths")).toList();
        List<String> servers = serverView(s, infos);
        List<String> clients = clientView(s, infos);
        Families families = Families.of(s, infos);

        Set<Cell> cells = new LinkedHashSet<>();
        for (String id : scenarios) {
            Scenario scenario = Scenarios.create(id, s.stormClients());
            for (NetworkPath path : scenario.paths()) {
                if (!paths.isEmpty() && !paths.contains(path)) {
                    continue;
                }
                for (Profile profile : profiles) {
                    if (!scenario.profiles().contains(profile) || !path.runsIn(profile)) {
                        continue;
                    }
                    if (Scenarios.inServerView(id) && !path.clientViewOnly()) {
                        for (String server : servers) {
                            cells.add(new Cell(id, server, families.referenceClient(server), profile, path));
                        }
                    }
                    if (Scenarios.inClientView(id) || path.clientViewOnly()) {
                        for (String client : clients) {
                            cells.add(new Cell(id, families.referenceServer(client), client, profile, path));
                        }
                    }
                }
            }
        }
        if (cells.isEmpty()) {
            throw HarnessException.configuration("the selection has no cells (stacks=" + servers + ", clients=" + clients
                    + ", scenarios=" + scenarios + "); widen wsbed.stacks, wsbed.clients or wsbed.scenarios");
        }
        return new ArrayList<>(cells);
    }

    private static List<String> serverView(Settings s, Map<String, StackInfo> infos) {
        requireKnown(s.referenceServer(), infos, "wsbed.reference.server");
        requireKnown(s.referenceClient(), infos, "wsbed.reference.client");
        if (!s.stacks().isEmpty()) {
            for (String id : s.stacks()) {
                requireKnown(id, infos, "wsbed.stacks");
                if (!infos.get(id).hasServer()) {
                    throw HarnessException.configuration("stack '" + id + "' has no server role; servers: "
                            + String.join(", ", withRole(infos, true)));
                }
            }
            return s.stacks();
        }
        return s.clients().isEmpty() ? withRole(infos, true) : List.of();
    }

    private static List<String> clientView(Settings s, Map<String, StackInfo> infos) {
        if (!s.clients().isEmpty()) {
            for (String id : s.clients()) {
                requireKnown(id, infos, "wsbed.clients");
                if (!infos.get(id).hasClient()) {
                    throw HarnessException.configuration("stack '" + id + "' has no client role; clients: "
                            + String.join(", ", withRole(infos, false)));
                }
            }
            return s.clients();
        }
        return s.stacks().isEmpty() ? withRole(infos, false) : List.of();
    }

    private static void requireKnown(String id, Map<String, StackInfo> infos, String key) {
        if (!infos.containsKey(id)) {
            throw HarnessException.configuration("Unknown stack '" + id + "' in " + key + "; available: "
                    + String.join(", ", infos.keySet().stream().sorted().toList()));
        }
    }

    private static List<String> withRole(Map<String, StackInfo> infos, boolean server) {
        return infos.values().stream().filter(i -> server ? i.hasServer() : i.hasClient()).map(StackInfo::id).sorted().toList();
    }
}
