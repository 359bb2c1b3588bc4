package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;

import org.junit.jupiter.api.Test;

/**
 * nginx-reload and nginx-reload-shutdown-timeout: surviving the old worker is a PASS, and so is a
 * cut that both sides hear of when the client comes back (counted from the client's own end).
 */
class NginxReloadCheckerTest {

    @Test
    void aSessionThatOutlivesTheReloadPasses() {
        Fixture.load("nginx-reload", "pass-survived").check()
                .is(PASS, "The session survived the reload for the 6000 ms observed.")
                .metrics("survived", 1, "reload_ms", 112, "client_detect_ms", null, "server_detect_ms", null,
                        "reconnect_ms", null)
                .observations("survived", "yes", "client_told", "nothing within 6000 ms")
                .keyFigure("survived");
    }

    @Test
    void aCutToldToBothSidesWithTheClientBackPassesAndCountsTheReconnectFromTheClientsEnd() {
        Fixture.load("nginx-reload-shutdown-timeout", "pass-cut-reconnected").check()
                .is(PASS, "The reload cut the session (client after 2113 ms (close 1006), server after 2114 ms "
                        + "(close 1006 \"Session Closed\")) and the client reconnected 137 ms later.")
                .metrics("survived", 0, "reload_ms", 112, "client_detect_ms", 2113.4, "server_detect_ms", 2114.0,
                        "reconnect_ms", 137.2)
                .observations("survived", "no", "client_close_code", 1006)
                .keyFigure("2113 ms");
    }

    @Test
    void aCutToldToOneSideOnlyIsDegradedEvenWhenTheClientCameBack() {
        Fixture.load("nginx-reload-shutdown-timeout", "degraded-one-side").check()
                .is(DEGRADED, "The reload cut the session but only one side was told: client after 2113 ms (close 1006), "
                        + "server not told.")
                .metrics("survived", 0, "reload_ms", 112, "client_detect_ms", 2113.4, "server_detect_ms", null,
                        "reconnect_ms", 137.2);
    }

    @Test
    void aCutWithoutAReconnectFails() {
        Fixture.load("nginx-reload-shutdown-timeout", "fail-no-reconnect").check()
                .is(FAIL, "The reload cut the session (client after 2113 ms (close 1006), server after 2114 ms",
                        "and the client did not come back.")
                .metrics("survived", 0, "reload_ms", 112, "client_detect_ms", 2113.4, "server_detect_ms", 2114.0,
                        "reconnect_ms", null);
    }

    @Test
    void thePlainReloadJudgesACutTheSameWay() {
        Fixture.load("nginx-reload-shutdown-timeout", "pass-cut-reconnected").as("nginx-reload").check()
                .is(PASS, "reconnected 137 ms later");
    }
}
