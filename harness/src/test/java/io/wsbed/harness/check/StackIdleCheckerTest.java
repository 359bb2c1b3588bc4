package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.PASS;

import io.wsbed.harness.scenario.Profile;
import org.junit.jupiter.api.Test;

/**
 * server-idle-timeout and client-idle-timeout: without pings, a close that reaches the peer with a
 * close code after the timeout is a PASS; no close within the window (the option had no effect),
 * no close code at the peer, one side told or a close before the timeout was due are DEGRADED.
 * With pings, staying open is a PASS and a close is DEGRADED (pings do not count as activity).
 */
class StackIdleCheckerTest {

    @Test
    void aCloseCodeAtThePeerAfterTheTimeoutPasses() {
        Fixture.load("server-idle-timeout", "pass-closed").check()
                .is(PASS, "The server stack's 2000 ms idle timeout closed the quiet session and the client got close 1001:"
                        + " client after 2009 ms (close 1001 \"Connection Idle Timeout\"), server after 2011 ms"
                        + " (error org.eclipse.jetty.websocket.api.exceptions.WebSocketTimeoutException).")
                .metrics("kept_open", 0, "client_detect_ms", 2008.7, "server_detect_ms", 2010.7)
                .observations("client_close_code", 1001L, "idle_timeout_on", "server", "kept_open", "no")
                .keyFigure("2009 ms");
    }

    @Test
    void aTimeoutThatNeverActsIsDegraded() {
        Fixture.load("server-idle-timeout", "degraded-no-timeout").check()
                .is(DEGRADED, "No idle timeout acted within 4500 ms: the quiet session stayed open with the server"
                        + " stack's 2000 ms idle timeout set.")
                .metrics("kept_open", 1, "client_detect_ms", null, "server_detect_ms", null)
                .observations("client_told", "nothing within 4500 ms")
                .keyFigure("kept open");
    }

    @Test
    void stayingOpenWhilePingsFlowPasses() {
        Fixture.load("server-idle-timeout", "degraded-no-timeout").in(Profile.HEARTBEAT).check()
                .is(PASS, "The session stayed open for 4500 ms while pings flowed, with the server stack's 2000 ms"
                        + " idle timeout set");
    }

    @Test
    void aCloseAlthoughPingsFlowedIsDegraded() {
        Fixture.load("server-idle-timeout", "pass-closed").in(Profile.HEARTBEAT).check()
                .is(DEGRADED, "Pings do not count as activity: the server stack's 2000 ms idle timeout closed a session"
                        + " whose pings flowed; client after 2009 ms");
    }

    @Test
    void aCloseWithoutACodeAtThePeerIsDegraded() {
        Fixture.load("server-idle-timeout", "degraded-no-close-code").check()
                .is(DEGRADED, "The server stack's 2000 ms idle timeout closed the quiet session but no close code reached"
                        + " the client: client after 2004 ms (close 1006)");
    }

    @Test
    void aCloseToldToOneSideOnlyIsDegraded() {
        Fixture.load("server-idle-timeout", "degraded-one-side").check()
                .is(DEGRADED, "Only one side was told the quiet session ended: client not told, server after 2003 ms"
                        + " (close 1001).");
    }

    @Test
    void aCloseBeforeTheTimeoutWasDueIsDegraded() {
        Fixture.load("server-idle-timeout", "degraded-early").check()
                .is(DEGRADED, "The quiet session ended before the server stack's 2000 ms idle timeout was due:"
                        + " client after 1201 ms");
    }

    @Test
    void aCloseJustWithinTheTimersGranularityIsTheTimeouts() {
        Fixture.load("server-idle-timeout", "degraded-early")
                .map(e -> e.ms() > 1000 && e.ms() < 1600
                        ? new io.wsbed.harness.result.TimelineEntry(e.source(), e.ms() + 710, e.ev(), e.fields()) : e)
                .check()
                .is(PASS, "the client got close 1001: client after 1911 ms");
    }

    @Test
    void inTheClientViewTheServerIsThePeer() {
        Fixture.load("client-idle-timeout", "pass-closed").check()
                .is(PASS, "The client stack's 2000 ms idle timeout closed the quiet session and the server got close 1001:"
                        + " server after 2011 ms")
                .observations("idle_timeout_on", "client", "server_close_code", 1001L)
                .keyFigure("2011 ms");
    }
}
