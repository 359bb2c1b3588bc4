package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The wire figures from hand-made captured histories: which connection is a side's socket (the
 * client's by the 101 it read last before its open, the server's by the request it read last
 * before its own), what reached it first, and the stack's share of the detection after it.
 */
class WireTest {

    @Test
    void theClientIsToldAFewMsAfterTheKilledServersFinReachesItsSocket() {
        Fixture.load("server-crash", "pass-wire").check()
                .is(PASS, "The client was told after 26.9 ms")
                .figures("client_detect_ms", 26.9, "client_wire_ms", 23.1, "client_reaction_ms", 3.8)
                .observations("client_wire", "FIN");
    }

    @Test
    void theClientsSocketIsTheConnectionWhose101CameLastBeforeItsOpenNotTheReconnect() {
        History h = history("server-crash", "pass-wire");

        assertEquals(Optional.of(new Wire.Socket(55978, 45333)), Wire.clientSocket(h, "client-1", "c1"));
        assertEquals(Optional.of(new Wire.Socket(56052, 45333)), Wire.clientSocket(h, "client-1", "c2"),
                "the reconnected session's socket is the later connection");
        assertEquals(Optional.of(new Wire.Socket(45333, 55978)), Wire.serverSocket(h, "server-1", "s1"));
    }

    @Test
    void throughNginxTheClientsSocketIsNginxsDownstreamLegAndTheServersItsUpstreamLeg() {
        History h = history("server-crash", "pass-wire-nginx");

        assertEquals(Optional.of(new Wire.Socket(50000, 46119)), Wire.clientSocket(h, "client-1", "c1"));
        assertEquals(Optional.of(new Wire.Socket(46561, 50002)), Wire.serverSocket(h, "server-1", "s1"));
        Fixture.load("server-crash", "pass-wire-nginx").check()
                .figures("client_detect_ms", 26.9, "client_wire_ms", 21.6, "client_reaction_ms", 5.3);
    }

    @Test
    void theServerLearnsOfTheKilledClientsRstOnItsNextPush() {
        Fixture.load("client-crash", "pass-wire").check()
                .is(PASS, "The server was told after 55.4 ms")
                .figures("server_detect_ms", 55.4, "server_wire_ms", 37.8, "server_reaction_ms", 17.6)
                .observations("server_wire", "RST");
    }

    @Test
    void aResetsFiguresSayWhereTheFaultHitTheWireAndWhatEachStackTookAfterItsRst() {
        Fixture.load("network-reset", "pass-wire").check()
                .is(PASS, "client after 55.8 ms, server after 61.2 ms")
                .figures("fault_on_wire_ms", 50.5, "client_detect_ms", 55.8, "client_wire_ms", 50.5,
                        "client_reaction_ms", 5.3, "server_detect_ms", 61.2, "server_wire_ms", 51.9,
                        "server_reaction_ms", 9.3)
                .observations("client_wire", "RST", "server_wire", "RST");
    }

    @Test
    void aSideToldByItsOwnTimerBeforeAnythingReachedItsSocketHasNoReaction() {
        Fixture.load("network-blackhole", "pass-wire").check()
                .is(PASS)
                .figures("client_detect_ms", 1604.3, "client_wire_ms", 1653.0, "client_reaction_ms", null,
                        "server_wire_ms", 1653.2, "server_reaction_ms", null, "fault_on_wire_ms", null)
                .observations("client_wire", "FIN, after the application was told");
    }

    @Test
    void theIdleFiguresCountFromTheLastByteOnTheWireWhereNginxsTimerStarts() {
        Fixture.load("nginx-idle-timeout", "pass-cut-wire").check()
                .is(PASS, "client after 2004 ms", "server after 2009 ms")
                .figures("last_byte_wire_ms", -38.6, "client_detect_ms", 2003.6, "client_wire_ms", 2000.0,
                        "client_reaction_ms", 3.6, "server_detect_ms", 2008.8, "server_wire_ms", 2000.1,
                        "server_reaction_ms", 8.7)
                .observations("figures_from", "the last byte on the wire before the cut")
                .keyFigure("2004 ms");
    }

    @Test
    void withoutACaptureMarkTheWireFiguresAreNullAndTheIdleFiguresCountFromTheOpen() {
        Fixture.load("nginx-idle-timeout", "pass-cut-wire").without(e -> e.ev().equals(Wire.CAPTURE)).check()
                .figures("last_byte_wire_ms", null, "client_detect_ms", 1965.0, "client_wire_ms", null,
                        "client_reaction_ms", null)
                .observations("client_wire", null, "figures_from", "the later open callback (the handshake)");
    }

    @Test
    void aCaptureWithoutTheSidesHandshakeSaysSo() {
        Fixture.load("client-crash", "pass-wire").without(e -> e.ev().equals("upgrade")).check()
                .figures("server_wire_ms", null, "server_reaction_ms", null)
                .observations("server_wire", "its connection is not in the capture");
    }

    @Test
    void aDataRunStillGoingOnCarriedBytesUntilTheMomentAsked() {
        History h = history("server-crash", "pass-wire");
        Wire.Socket client = new Wire.Socket(55978, 45333);

        assertEquals(1_000L, Wire.lastPayload(h, client, 1_000).getAsLong(),
                "the run from -181.5 to 2.6 ms was still going at 1.0 ms");
        assertEquals(-266_900L, Wire.lastPayload(h, client, -200_000).getAsLong(), "before the run: the 101");
        assertTrue(Wire.complete(h));
        assertFalse(Wire.complete(History.of(Fixture.load("server-crash", "pass").timeline())));
    }

    private static History history(String scenario, String name) {
        return History.of(Fixture.load(scenario, name).timeline());
    }
}
