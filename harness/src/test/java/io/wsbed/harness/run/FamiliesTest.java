package io.wsbed.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.ConfigurationException;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.stack.StackInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each protocol family pairs with its own reference peers; nothing crosses families. */
class FamiliesTest {
    private static final Map<String, StackInfo> INFOS = new TreeMap<>(Map.of(
            "jetty", ws("jetty", "server", "client"),
            "jdk", ws("jdk", "client"),
            "socket.io", sio("socket.io", "server", "client"),
            "socket.io-java", sio("socket.io-java", "client")));

    private static StackInfo ws(String id, String... roles) {
        return new StackInfo(id, id, "1", List.of(roles), "hb", "send");
    }

    private static StackInfo sio(String id, String... roles) {
        return new StackInfo(id, id, "4", List.of(roles), "hb", "emit", true, "", "socket.io", "");
    }

    private static Settings settings(Map<String, String> props) {
        Map<String, String> all = new TreeMap<>(props);
        all.put("wsbed.root", "/tmp/wsbed-root");
        all.put("wsbed.scenarios", "server-stop");
        all.put("wsbed.profiles", "default");
        return Settings.from(all);
    }

    @Test
    void eachStackIsPairedWithTheReferencePeerOfItsOwnFamily() {
        List<Cell> cells = MatrixPlan.plan(settings(Map.of()), INFOS);
        assertEquals(List.of(
                new Cell("server-stop", "jetty", "jdk", Profile.DEFAULT, NetworkPath.DIRECT),
                new Cell("server-stop", "socket.io", "socket.io", Profile.DEFAULT, NetworkPath.DIRECT),
                new Cell("server-stop", "jetty", "jetty", Profile.DEFAULT, NetworkPath.DIRECT),
                new Cell("server-stop", "socket.io", "socket.io-java", Profile.DEFAULT, NetworkPath.DIRECT)), cells);
    }

    @Test
    void aReferencePeerOfAnotherFamilyIsAOneLineError() {
        var e = assertThrows(ConfigurationException.class,
                () -> MatrixPlan.plan(settings(Map.of("wsbed.reference.client", "socket.io-java")), INFOS));
        assertEquals("Configuration error: wsbed.reference.client 'socket.io-java' speaks socket.io, but the reference"
                + " peers of plain WebSocket stacks must speak websocket; choose a websocket stack", e.getMessage());
    }

    @Test
    void aFamilyWithoutAPeerOfTheOtherRoleIsNamed() {
        Map<String, StackInfo> lonely = new TreeMap<>(INFOS);
        lonely.remove("socket.io");
        lonely.remove("socket.io-java");
        lonely.put("socket.io-server", sio("socket.io-server", "server"));
        var e = assertThrows(ConfigurationException.class, () -> MatrixPlan.plan(settings(Map.of()), lonely));
        assertTrue(e.getMessage().contains("stack 'socket.io-server' speaks socket.io and no socket.io client stack is"
                + " there to pair it with"), e.getMessage());
    }
}
