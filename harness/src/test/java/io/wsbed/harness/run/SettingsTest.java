package io.wsbed.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.stack.StackInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Settings parsing and the matrix plan, including the configuration errors users see. */
class SettingsTest {
    private static final Map<String, StackInfo> INFOS = new TreeMap<>(Map.of(
            "jetty", new StackInfo("jetty", "Jetty", "12", List.of("server", "client"), "hb", "send"),
            "undertow", new StackInfo("undertow", "Undertow", "2", List.of("server", "client"), "hb", "send"),
            "jdk", new StackInfo("jdk", "JDK", "17", List.of("client"), "hb", "send")));

    private static Settings settings(Map<String, String> props) {
        Map<String, String> all = new TreeMap<>(props);
        all.put("wsbed.root", "/tmp/wsbed-root");
        return Settings.from(all);
    }

    @Test
    void defaultsAreTheFullMatrixWithATenSecondWindow() {
        Settings s = settings(Map.of());
        assertEquals(10_000, s.windowMs());
        assertEquals(Path.of("/tmp/wsbed-root/reports/latest"), s.reportDir());
        List<Cell> cells = MatrixPlan.plan(s, INFOS);
        // server view: 4 scenarios x 2 profiles x 2 servers; the client view adds jetty x jetty and
        // jetty x undertow for the 2 client-view scenarios x 2 profiles (jetty x jdk is already there).
        assertEquals(4 * 2 * 2 + 2 * 2 * 2, cells.size());
        assertTrue(cells.contains(new Cell("server-crash", "jetty", "undertow", io.wsbed.harness.scenario.Profile.HEARTBEAT, "direct")));
    }

    @Test
    void selectingServersDropsTheClientView() {
        List<Cell> cells = MatrixPlan.plan(settings(Map.of("wsbed.stacks", "undertow", "wsbed.scenarios", "server-crash",
                "wsbed.profiles", "default")), INFOS);
        assertEquals(List.of(new Cell("server-crash", "undertow", "jdk", io.wsbed.harness.scenario.Profile.DEFAULT, "direct")), cells);
    }

    @Test
    void unknownIdsAreOneLineConfigurationErrorsThatListTheKnownIds() {
        var e = assertThrows(HarnessException.class, () -> MatrixPlan.plan(settings(Map.of("wsbed.stacks", "jety")), INFOS));
        assertEquals("Configuration error: Unknown stack 'jety' in wsbed.stacks; available: jdk, jetty, undertow", e.getMessage());
        e = assertThrows(HarnessException.class, () -> MatrixPlan.plan(settings(Map.of("wsbed.scenarios", "crash")), INFOS));
        assertTrue(e.getMessage().startsWith("Configuration error: Unknown scenario 'crash'; available: server-crash,"), e.getMessage());
        e = assertThrows(HarnessException.class, () -> MatrixPlan.plan(settings(Map.of("wsbed.profiles", "fast")), INFOS));
        assertEquals("Configuration error: Unknown profile 'fast'; available: default, heartbeat", e.getMessage());
    }

    @Test
    void aClientOnlyStackCannotBeSelectedAsServer() {
        var e = assertThrows(HarnessException.class, () -> MatrixPlan.plan(settings(Map.of("wsbed.stacks", "jdk")), INFOS));
        assertTrue(e.getMessage().contains("'jdk' has no server role"), e.getMessage());
    }

    @Test
    void malformedWindowNamesTheExpectedForm() {
        var e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.window", "ten")));
        assertEquals("Configuration error: wsbed.window must be a positive duration like 10s or 2500ms, got 'ten'", e.getMessage());
        assertEquals(2500, settings(Map.of("wsbed.window", "2500ms")).windowMs());
        assertEquals(1500, settings(Map.of("wsbed.window", "1.5s")).windowMs());
    }
}
