package io.wsbed.harness.report;

import static io.wsbed.harness.report.HandMadeRun.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wsbed.harness.verdict.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void keepsTheCloseCodeAndTheKindOfEveryOtherEnd() {
        assertEquals("close 1006", Signals.kind("close 1006"));
        assertEquals("close 1001", Signals.kind("close 1001 \"UT002046: Closing WebSocket, peer went away.\""));
        assertEquals("close without a code", Signals.kind("close without a code"));
        assertEquals("error", Signals.kind("error java.net.SocketException"));
        assertEquals("send failed", Signals.kind("send failed java.io.IOException"));
        assertEquals("nothing", Signals.kind("nothing within 6000 ms"));
    }

    @Test
    void readsToldAndSendOutcomesButNotTheFirstOfSeveralSends() {
        var c = new HandMadeRun().cell("send-after-close", "jetty", "jdk", "default", "direct", Verdict.PASS, map(),
                map("client_told", "close 1006", "client_close_code", 1006, "server_peer_killed_first_outcome", "ok",
                        "server_peer_killed_outcome", "failed", "server_peer_killed_error", "java.io.IOException"))
                .results().cells().get(0);
        assertEquals(Map.of("client_told", "close 1006", "server_peer_killed_outcome", "failed"), Signals.of(c));
        assertEquals("server's send after peer killed", Signals.label("server_peer_killed_outcome"));
        assertEquals("client was told", Signals.label("client_told"));
    }
}
