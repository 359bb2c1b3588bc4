package io.wsbed.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
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
        assertTrue(MatrixPlan.plan(s, INFOS).size() > 30, "every scenario is selected by default");
    }

    @Test
    void theServerViewUsesTheReferenceClientAndTheClientViewTheReferenceServer() {
        List<Cell> cells = MatrixPlan.plan(settings(Map.of("wsbed.scenarios",
                "server-crash,server-stop,client-crash,send-after-close")), INFOS);
        // server view, 2 servers x 2 profiles: server-crash on 2 paths, the others on 1 -> 4 x 5;
        // client view adds jetty x jetty and jetty x undertow for server-crash (2 paths),
        // server-stop and send-after-close -> 2 x 2 x 4 (jetty x jdk is already in the server view);
        // server-crash over wss: every client against jetty, default profile only -> 3.
        assertEquals(4 * 5 + 2 * 2 * 4 + 3, cells.size());
        assertTrue(cells.contains(new Cell("server-crash", "jetty", "jdk", Profile.DEFAULT, NetworkPath.WSS)));
        assertTrue(cells.contains(new Cell("server-crash", "jetty", "undertow", Profile.HEARTBEAT, NetworkPath.NGINX)));
        assertTrue(cells.contains(new Cell("server-stop", "undertow", "jdk", Profile.DEFAULT, NetworkPath.DIRECT)));
        assertTrue(cells.stream().noneMatch(c -> c.scenario().equals("client-crash") && !c.client().equals("jdk")),
                "client-crash has no client view");
    }

    @Test
    void variantsThatFixTheirOwnPingsRunOnlyInTheirProfile() {
        List<Cell> cells = MatrixPlan.plan(settings(Map.of("wsbed.stacks", "jetty",
                "wsbed.scenarios", "nginx-idle-timeout,nginx-idle-timeout-client-ping")), INFOS);
        assertEquals(List.of(new Cell("nginx-idle-timeout", "jetty", "jdk", Profile.DEFAULT, NetworkPath.NGINX),
                new Cell("nginx-idle-timeout", "jetty", "jdk", Profile.HEARTBEAT, NetworkPath.NGINX),
                new Cell("nginx-idle-timeout-client-ping", "jetty", "jdk", Profile.HEARTBEAT, NetworkPath.NGINX)), cells);
    }

    @Test
    void selectingServersDropsTheClientView() {
        List<Cell> cells = MatrixPlan.plan(settings(Map.of("wsbed.stacks", "undertow", "wsbed.scenarios", "client-crash",
                "wsbed.profiles", "default")), INFOS);
        assertEquals(List.of(new Cell("client-crash", "undertow", "jdk", Profile.DEFAULT, NetworkPath.DIRECT)), cells);
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
    void theQuietWindowIsOffUnlessSetAndABadOneNamesItsRange() {
        assertEquals(300, settings(Map.of()).quietMs());
        assertEquals(0, settings(Map.of("wsbed.quiet.ms", "0")).quietMs());
        assertEquals(300, settings(Map.of("wsbed.quiet.ms", "300")).quietMs());
        for (String bad : new String[] {"-1", "10001"}) {
            var e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.quiet.ms", bad)));
            assertEquals("Configuration error: wsbed.quiet.ms must be 0..10000 (ms; 0 = off), got '" + bad + "'",
                    e.getMessage());
        }
        var e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.quiet.ms", "abc")));
        assertTrue(e.getMessage().contains("wsbed.quiet.ms"), e.getMessage());
    }

    @Test
    void anUnknownInfraModeListsTheModes() {
        var e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.infra", "docker")));
        assertTrue(e.getMessage().startsWith("Configuration error: wsbed.infra must be one of"), e.getMessage());
        assertTrue(e.getMessage().contains("containers") && e.getMessage().endsWith("got 'docker'"), e.getMessage());
        assertEquals("local", settings(Map.of()).infra());
    }

    @Test
    void captureIsAutoOnOrOffInAnyCase() {
        assertEquals("auto", settings(Map.of()).capture());
        assertEquals("off", settings(Map.of("wsbed.capture", "OFF")).capture());
        var e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.capture", "yes")));
        assertEquals("Configuration error: wsbed.capture must be one of [auto, on, off], got 'yes'", e.getMessage());
    }

    @Test
    void anUnknownPathListsThePaths() {
        var e = assertThrows(HarnessException.class, () -> MatrixPlan.plan(settings(Map.of("wsbed.paths", "proxy")), INFOS));
        assertEquals("Configuration error: Unknown path 'proxy' in wsbed.paths; available: direct, nginx, wss, toxiproxy, haproxy",
                e.getMessage());
    }

    @Test
    void parallelAndShardHaveMachineDefaultsAndOneLineErrorsNamingTheValidForm() {
        Settings defaults = settings(Map.of());
        assertEquals(Settings.defaultParallel(), defaults.cellsAtOnce());
        assertEquals(null, defaults.shard());
        Settings set = settings(Map.of("wsbed.parallel", "3", "wsbed.shard", "2/5"));
        assertEquals(3, set.cellsAtOnce());
        assertEquals(new Shard(2, 5), set.shard());
        for (String bad : new String[] {"0", "-1", "abc", "65", ""}) {
            var e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.parallel", bad)));
            assertEquals("Configuration error: wsbed.parallel (--parallel) must be a whole number of cells from 1 to 64,"
                    + " e.g. --parallel 4, got '" + bad + "'", e.getMessage());
        }
        var e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.shard", "3/2")));
        assertEquals("Configuration error: wsbed.shard (--shard) must be i/n with 1 <= i <= n, e.g. 2/4 for the second"
                + " of four shards, got '3/2'", e.getMessage());
    }

    @Test
    void repeatAndStormClientsAreSettingsWithDefaultsAndOneLineErrors() {
        Settings defaults = settings(Map.of());
        assertEquals(1, defaults.repeat());
        assertEquals(200, defaults.stormClients());
        Settings set = settings(Map.of("wsbed.repeat", "3", "wsbed.storm.clients", "50"));
        assertEquals(3, set.repeat());
        assertEquals(50, set.stormClients());
        var e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.repeat", "0")));
        assertEquals("Configuration error: wsbed.repeat must be a whole number from 1 to 1000, got '0'", e.getMessage());
        for (String bad : new String[] {"0", "-3", "many"}) {
            e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.storm.clients", bad)));
            assertEquals("Configuration error: wsbed.storm.clients must be a whole number of at least 1, got '" + bad + "'",
                    e.getMessage());
        }
    }

    @Test
    void theStartLineShowsEveryEffectiveSettingOnOneLine() {
        Settings s = settings(Map.of("wsbed.stacks", "jetty", "wsbed.seed", "7", "wsbed.repeat", "2"));
        assertEquals(Settings.KEYS, List.copyOf(s.effective().keySet()), "every key is printed, in KEYS order");
        String line = s.describe();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("wsbed.root=/tmp/wsbed-root wsbed.report.dir=/tmp/wsbed-root/reports/latest "
                + "wsbed.stacks=jetty wsbed.clients=all "), line);
        assertTrue(line.contains(" wsbed.window=10000ms wsbed.seed=7 "), line);
        assertTrue(line.endsWith(" wsbed.toxiproxy.url=embedded wsbed.paths=all wsbed.infra=local "
                + "wsbed.nginx.image=default wsbed.toxiproxy.image=default wsbed.repeat=2 wsbed.storm.clients=200 "
                + "wsbed.capture=auto wsbed.parallel=" + Settings.defaultParallel() + "(default) wsbed.shard=all wsbed.cds=on wsbed.stack.dirs=none wsbed.quiet.ms=300"), line);
    }

    @Test
    void systemPropertiesAreScannedOnceForTheWsbedKeysWithAValue() {
        System.setProperty("wsbed.test.scan", "yes");
        System.setProperty("wsbed.test.blank", " ");
        try {
            Map<String, String> props = Settings.systemProperties();
            assertEquals("yes", props.get("wsbed.test.scan"));
            assertTrue(!props.containsKey("wsbed.test.blank") && !props.containsKey("java.home"), props.toString());
        } finally {
            System.clearProperty("wsbed.test.scan");
            System.clearProperty("wsbed.test.blank");
        }
    }

    @Test
    void malformedWindowNamesTheExpectedForm() {
        var e = assertThrows(HarnessException.class, () -> settings(Map.of("wsbed.window", "ten")));
        assertEquals("Configuration error: wsbed.window must be a positive duration like 10s or 2500ms, got 'ten'", e.getMessage());
        assertEquals(2500, settings(Map.of("wsbed.window", "2500ms")).windowMs());
        assertEquals(1500, settings(Map.of("wsbed.window", "1.5s")).windowMs());
    }
}
