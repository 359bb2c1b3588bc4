package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.PASS;

import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.Profile;
import org.junit.jupiter.api.Test;

/**
 * nginx-idle-timeout and its ping variants: surviving is a PASS; a cut is a PASS only when no
 * side pinged and both sides were told within nginx's read timeout plus the bound (4500 ms).
 */
class NginxIdleCheckerTest {

    @Test
    void aQuietConnectionCutAndToldToBothSidesInTimePassesWithoutPings() {
        Fixture.load("nginx-idle-timeout", "pass-cut").check()
                .is(PASS, "nginx cut the quiet connection and both sides were told: client after 2002 ms (close 1006), "
                        + "server after 2011 ms (close 1006 \"Session Closed\").")
                .metrics("survived", 0, "client_detect_ms", 2001.5, "server_detect_ms", 2010.7)
                .observations("survived", "no", "pings", "profile", "client_told", "close 1006", "client_close_code", 1006,
                        "server_close_reason", "Session Closed")
                .keyFigure("2002 ms");
    }

    @Test
    void aConnectionKeptAliveByPingsPasses() {
        Fixture.load("nginx-idle-timeout", "pass-survived").check()
                .is(PASS, "The connection survived 6000 ms of no messages: the pings kept nginx's read timer from firing.")
                .metrics("survived", 1, "client_detect_ms", null, "server_detect_ms", null)
                .observations("survived", "yes", "pings", "profile", "client_told", "nothing within 6000 ms",
                        "server_told", "nothing within 6000 ms")
                .keyFigure("survived");
    }

    @Test
    void survivingWithoutPingsPassesWithoutCreditingPings() {
        Fixture.load("nginx-idle-timeout", "pass-survived").in(Profile.DEFAULT).check()
                .is(PASS, "The connection survived 6000 ms of no messages.");
    }

    @Test
    void aCutToldToOneSideOnlyIsDegraded() {
        Fixture.load("nginx-idle-timeout", "degraded-one-side").check()
                .is(DEGRADED, "nginx cut the connection but only one side was told: client after 2002 ms (close 1006), "
                        + "server not told.")
                .metrics("survived", 0, "client_detect_ms", 2001.5, "server_detect_ms", null)
                .observations("server_told", "nothing within 6000 ms");
    }

    @Test
    void aCutAlthoughBothSidesPingedIsDegraded() {
        Fixture.load("nginx-idle-timeout", "degraded-cut-despite-pings").check()
                .is(DEGRADED, "nginx cut the connection although pings flowed; client after 2002 ms (close 1006), "
                        + "server after 2011 ms")
                .metrics("survived", 0, "client_detect_ms", 2001.5, "server_detect_ms", 2010.7);
    }

    @Test
    void aSideToldAfterReadTimeoutPlusBoundIsDegraded() {
        Fixture.load("nginx-idle-timeout", "degraded-late").check()
                .is(DEGRADED, "nginx cut the quiet connection but a side was told late: client after 2002 ms (close 1006), "
                        + "server after 4620 ms (error java.io.IOException).")
                .metrics("survived", 0, "client_detect_ms", 2001.5, "server_detect_ms", 4620.0)
                .observations("server_error", "java.io.IOException", "server_close_code", null);
    }

    @Test
    void toldAtReadTimeoutPlusBoundIsStillInTime() {
        Fixture.load("nginx-idle-timeout", "degraded-late").map(e -> e.ms() == 4620.0
                        ? new TimelineEntry(e.source(), 4500.4, e.ev(), e.fields()) : e).check()
                .is(PASS, "both sides were told", "server after 4500 ms");
    }

    @Test
    void serverPingsKeepTheConnectionAlive() {
        Fixture.load("nginx-idle-timeout-server-ping", "pass-survived").check()
                .is(PASS, "survived 6000 ms of no messages: the pings kept nginx's read timer from firing.")
                .metrics("survived", 1, "client_detect_ms", null, "server_detect_ms", null)
                .observations("pings", "server-only")
                .keyFigure("survived");
    }

    @Test
    void aCutWithOnlyClientPingsIsDegraded() {
        Fixture.load("nginx-idle-timeout-client-ping", "degraded-cut").check()
                .is(DEGRADED, "although pings flowed")
                .metrics("survived", 0, "client_detect_ms", 2001.5, "server_detect_ms", 2010.7)
                .observations("pings", "client-only");
    }

    @Test
    void aVariantThatAlwaysPingsJudgesACutAsDegradedWhateverTheProfile() {
        Fixture.load("nginx-idle-timeout", "pass-cut").as("nginx-idle-timeout-client-ping").check()
                .is(DEGRADED, "although pings flowed");
    }
}
