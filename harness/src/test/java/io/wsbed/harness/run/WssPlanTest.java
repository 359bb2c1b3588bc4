package io.wsbed.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.stack.StackInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The wss path runs in the client view and the default profile only, whatever view the scenario
 * has (nginx-reload is server-view only on plain nginx); the other paths are planned as before.
 */
class WssPlanTest {
    private static final Map<String, StackInfo> INFOS = new TreeMap<>(Map.of(
            "jetty", ws("jetty", "server", "client"),
            "undertow", ws("undertow", "server", "client"),
            "jdk", ws("jdk", "client"),
            "okhttp", ws("okhttp", "client")));

    private static StackInfo ws(String id, String... roles) {
        return new StackInfo(id, id, "1", List.of(roles), "hb", "send");
    }

    private static List<Cell> plan(String paths) {
        Map<String, String> all = new TreeMap<>();
        all.put("wsbed.root", "/tmp/wsbed-root");
        all.put("wsbed.scenarios", "server-crash,nginx-idle-timeout,nginx-reload,nginx-reload-shutdown-timeout,server-stop");
        all.put("wsbed.paths", paths);
        return MatrixPlan.plan(Settings.from(all), INFOS);
    }

    @Test
    void wssCellsAreEveryClientAgainstTheReferenceServerInTheDefaultProfile() {
        List<Cell> cells = plan("wss");

        List<String> expected = List.of("nginx-idle-timeout", "nginx-reload", "server-crash").stream()
                .flatMap(s -> List.of("jdk", "jetty", "okhttp", "undertow").stream()
                        .map(c -> s + ".jetty." + c + ".default.wss"))
                .sorted().toList();
        assertEquals(expected, cells.stream().map(Cell::id).sorted().toList());
    }

    @Test
    void thePlainPathsKeepTheirViewsAndProfiles() {
        List<Cell> nginx = plan("nginx");

        assertTrue(nginx.stream().anyMatch(c -> c.id().equals("nginx-reload.undertow.jdk.default.nginx")),
                "server view of nginx-reload on plain nginx");
        assertTrue(nginx.stream().noneMatch(c -> c.scenario().equals("nginx-reload") && c.client().equals("okhttp")),
                "nginx-reload stays out of the client view on plain nginx");
        assertTrue(nginx.stream().anyMatch(c -> c.profile() == Profile.HEARTBEAT));
        assertTrue(plan("direct").stream().noneMatch(c -> c.path() == NetworkPath.WSS));
    }

    @Test
    void onlyWssNarrowsTheViewAndProfile() {
        for (NetworkPath p : NetworkPath.values()) {
            assertEquals(p == NetworkPath.WSS, p.clientViewOnly(), p.id());
            assertEquals(p != NetworkPath.WSS, p.runsIn(Profile.HEARTBEAT), p.id());
            assertTrue(p.runsIn(Profile.DEFAULT), p.id());
        }
        assertTrue(NetworkPath.WSS.viaNginx() && NetworkPath.NGINX.viaNginx() && !NetworkPath.DIRECT.viaNginx());
    }
}
