package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wsbed.harness.result.TimelineEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * lb-failover: which client was on the killed instance comes from the events (its sessions that
 * ended after the kill), each is back at its connection's next open; percentiles are nearest-rank
 * of those times from the kill; balances count open sessions as first instance/second instance at
 * the kill and at the end of the observation (teardown closes do not count).
 */
class LbFailoverCheckerTest {

    @Test
    void everyClientOfTheKilledInstanceBackOnTheSurvivorPasses() {
        var judged = Fixture.load("lb-failover", "pass").check()
                .is(PASS, "All 2 clients of the killed instance were back 250 ms after the kill (p50 120 ms, p95 250 ms);"
                        + " balance after the restart 0/4.")
                .metrics("lb_clients", 4, "on_killed_instance", 2, "all_back_ms", 250.2, "reconnect_p50_ms", 120.4,
                        "reconnect_p95_ms", 250.2, "reconnect_max_ms", 250.2, "moved_to_survivor", 2,
                        "moved_to_restarted", 0, "balance_before_kill", "2/2", "balance_after_restart", "0/4",
                        "collateral_closes", 0, "connect_errors", 1, "reconnect_attempts", 3)
                .observations("restarted_instance", "no connection moved back: HAProxy balances new connections only",
                        "balance_order", "first instance (server-1, restarted as server-3) / second instance (server-2)")
                .keyFigure("250 ms");
    }

    @Test
    void aClientThatCameBackAfterTheRestartLandsOnTheRestartedInstance() {
        var judged = Fixture.load("lb-failover", "pass")
                .without(e -> e.ms() > 240 && e.ms() < 260)
                .plus(new TimelineEntry("server-3", 1299.0, "open", Map.of("session", "s1")))
                .plus(new TimelineEntry("client-1", 1300.0, "open", Map.of("session", "c6", "conn", 3)))
                .check()
                .is(PASS, "back 1300 ms after the kill", "balance after the restart 1/3.")
                .figures("all_back_ms", 1300.0, "moved_to_survivor", 1, "moved_to_restarted", 1,
                        "balance_after_restart", "1/3");
        assertFalse(judged.observations().containsKey("restarted_instance"), "a connection did move back");
    }

    @Test
    void aClientOfTheKilledInstanceNotBackWithinTheWindowFails() {
        Fixture.load("lb-failover", "pass").without(e -> "c6".equals(e.fields().get("session"))).check()
                .is(FAIL, "Only 1 of the 2 clients that lost the killed instance were back when the observation ended (the wait is bounded by the 10000 ms window).")
                .metrics("lb_clients", 4, "on_killed_instance", 2, "all_back_ms", null, "reconnect_p50_ms", 120.4,
                        "reconnect_p95_ms", 120.4, "reconnect_max_ms", 120.4, "moved_to_survivor", 2,
                        "moved_to_restarted", 0, "balance_before_kill", "2/2", "balance_after_restart", "0/4",
                        "collateral_closes", 0, "connect_errors", 1, "reconnect_attempts", 3)
                .keyFigure("not within window");
    }

    @Test
    void noClientOnTheKilledInstanceFailsAsNothingFailedOver() {
        Fixture.load("lb-failover", "pass").without(e -> e.source().equals("server-1") && e.ev().equals("open")).check()
                .is(FAIL, "No client was on the killed instance at the kill: nothing failed over.")
                .figures("on_killed_instance", 0, "all_back_ms", null, "balance_before_kill", "0/2");
    }

    @Test
    void survivorClientsDroppedTooAreDegraded() {
        Fixture.load("lb-failover", "collateral").check()
                .is(DEGRADED, "1 client(s) of the surviving instance lost their sessions too; all 3 were back 300 ms after"
                        + " the kill (p50 120 ms, p95 300 ms).")
                .metrics("lb_clients", 4, "on_killed_instance", 2, "all_back_ms", 300.0, "reconnect_p50_ms", 120.0,
                        "reconnect_p95_ms", 300.0, "reconnect_max_ms", 300.0, "moved_to_survivor", 3,
                        "moved_to_restarted", 0, "balance_before_kill", "2/2", "balance_after_restart", "0/4",
                        "collateral_closes", 1, "connect_errors", 0, "reconnect_attempts", 3);
    }

    @Test
    void aHistoryWithoutTheInstancesIsNotAnLbFailoverHistory() {
        assertThrows(HistoryException.class, () -> new LbFailoverChecker().check(null, Fixture.TIMINGS,
                History.of(Fixture.load("lb-failover", "pass").without(e -> e.ev().equals("proxy-ready")).timeline())));
    }
}
