package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.result.TimelineEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A history the schedule could not have written (a mark or a session missing) is an ERROR that
 * says the harness failed and why, with no figures: never an exception, never a stack verdict.
 */
class BrokenHistoryTest {

    /** One passing history per checker (send-after-close reads no stage mark). */
    static Stream<Arguments> judgedFromTheStage() {
        return Stream.of(
                Arguments.of("server-crash", "pass"),
                Arguments.of("server-stop", "pass-1001"),
                Arguments.of("client-crash", "pass"),
                Arguments.of("network-blackhole", "pass"),
                Arguments.of("proxy-down", "pass-told-after-recovery"),
                Arguments.of("latency-spike", "pass"),
                Arguments.of("nginx-idle-timeout", "pass-cut"),
                Arguments.of("nginx-reload", "pass-survived"),
                Arguments.of("reconnect-storm", "pass"));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("judgedFromTheStage")
    void withoutTheStageMarkTheHarnessFailed(String scenario, String fixture) {
        assertHarnessFailed(Fixture.load(scenario, fixture).without(mark("stage")),
                "The harness failed: the timeline has no harness 'stage' mark");
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("judgedFromTheStage")
    void withoutTheFaultMarkTheHarnessFailed(String scenario, String fixture) {
        assertHarnessFailed(Fixture.load(scenario, fixture).without(mark("fault")),
                "The harness failed: the timeline has no harness 'fault' mark");
    }

    @Test
    void aPeerKilledSendWithoutAFaultBeforeItIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("send-after-close", "pass").without(mark("fault")),
                "The harness failed: a peer-killed send has no fault before it");
    }

    @Test
    void sendAfterCloseWithoutSendMarksIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("send-after-close", "pass").without(mark("send")),
                "The harness failed: the timeline has no harness 'send' marks");
    }

    @Test
    void aSendMarkWithoutItsMomentIsAHarnessFailureNotAnException() {
        Fixture f = Fixture.load("send-after-close", "pass").map(e -> e.ev().equals("send") ? without(e, "moment") : e);
        Fixture.Judged judged = f.check();
        assertEquals(ERROR, judged.verdict(), judged.reason());
        assertTrue(judged.reason().startsWith("The harness failed: java.lang.NullPointerException"), judged.reason());
    }

    @Test
    void serverLossWithoutPeerGoneIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("server-crash", "pass").without(mark("peer-gone")),
                "The harness failed: the timeline has no harness 'peer-gone' mark");
    }

    @Test
    void aRestartedServerThatNeverSaidReadyIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("server-crash", "pass").without(e -> e.source().equals("server-2")),
                "The harness failed: server-2 has no ready event");
    }

    @Test
    void aSideWithoutASessionAtTheStimulusIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("client-crash", "pass")
                        .without(e -> e.source().equals("server-1") && e.ev().equals("open")),
                "The harness failed: server-1 had no open session at the stimulus");
    }

    @Test
    void aStageMarkThatNamesNoClientIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("network-reset", "pass").map(e -> e.ev().equals("stage") ? without(e, "client") : e),
                "The harness failed: the harness 'stage' mark names no client");
    }

    @Test
    void networkFaultWithoutRecoverIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("network-reset", "pass").without(mark("recover")),
                "The harness failed: the timeline has no harness 'recover' mark");
    }

    @Test
    void aLatencyFaultWithoutItsLatencyIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("latency-spike", "pass").map(e -> e.ev().equals("fault") ? without(e, "latency_ms") : e),
                "The harness failed: the latency-spike fault mark has no latency_ms or spike_ms");
    }

    @Test
    void aReloadWithoutItsReloadedMarkIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("nginx-reload", "pass-survived").without(mark("reloaded")),
                "The harness failed: the timeline has no harness 'reloaded' mark");
    }

    @Test
    void aReloadMarkWithoutItsDurationIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("nginx-reload", "pass-survived").map(e -> e.ev().equals("reloaded") ? without(e, "took_ms") : e),
                "The harness failed: the nginx-reload marks have no window_ms or took_ms");
    }

    @Test
    void aStormWithoutItsConnectionCountIsAHarnessFailure() {
        assertHarnessFailed(Fixture.load("reconnect-storm", "pass").map(e -> e.ev().equals("stage") ? without(e, "connections") : e),
                "The harness failed: the stage mark of a reconnect storm has no connections count");
    }

    private static void assertHarnessFailed(Fixture f, String reason) {
        Fixture.Judged judged = f.check();
        assertEquals(ERROR, judged.verdict(), judged.fixture() + ": " + judged.reason());
        assertEquals(reason, judged.reason(), judged.fixture());
        assertEquals(Map.of(), judged.metrics(), "an ERROR has no figures");
        assertEquals(Map.of(), judged.observations(), "an ERROR has no observations");
    }

    private static Predicate<TimelineEntry> mark(String ev) {
        return e -> e.source().equals("harness") && e.ev().equals(ev);
    }

    private static TimelineEntry without(TimelineEntry e, String field) {
        Map<String, Object> f = new LinkedHashMap<>(e.fields());
        f.remove(field);
        return new TimelineEntry(e.source(), e.ms(), e.ev(), f);
    }
}
