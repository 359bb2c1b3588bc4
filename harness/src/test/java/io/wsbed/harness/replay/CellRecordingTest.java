package io.wsbed.harness.replay;

import static io.wsbed.harness.replay.JdkClient.kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.ConfigurationException;
import io.wsbed.harness.check.RecheckFixture;
import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.verdict.Verdict;
import io.wsbed.stack.api.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A results.json cell as a recording: the stage's server session opens at -200 ms, sends seq 1 at
 * -50 ms (and seq 2 at -20 ms here), and the fault is t0; so the frames come at 150 and 180 ms and
 * the fault at 200 ms of the replay.
 */
class CellRecordingTest {
    private static Results cellWithFault(String kind) {
        List<TimelineEntry> timeline = new ArrayList<>();
        for (TimelineEntry e : RecheckFixture.crashTimeline()) {
            timeline.add(e.ev().equals("fault") ? new TimelineEntry("harness", 0.0, "fault", Map.of("kind", kind)) : e);
            if (e.ev().equals("sent")) {
                timeline.add(new TimelineEntry("server-1", -20.0, "sent", Map.of("session", "s1", "seq", 2, "outcome", "ok")));
                timeline.add(new TimelineEntry("server-1", -10.0, "sent", Map.of("session", "s1", "seq", 3, "outcome",
                        "silent")));
            }
        }
        Results stored = RecheckFixture.stored(Verdict.PASS, kind);
        CellResult c = stored.cells().get(0);
        CellResult cell = new CellResult(c.id(), c.scenario(), c.server(), c.client(), c.profile(), c.path(), c.verdict(),
                c.reason(), c.keyFigure(), c.metrics(), c.observations(), timeline, c.logs(), c.timings());
        return new Results(stored.run(), stored.stacks(), stored.scenarios(), List.of(cell, stored.cells().get(1)));
    }

    private static final String ID = "x.jetty.jdk.default.direct";

    private static CellRecording of(String kind) {
        return CellRecording.of(cellWithFault(kind), ID.replace("x", kind), "results.json");
    }

    @Test
    void theServersOkSendsOfTheStagedSessionAreTheFramesAndTheStimulusIsTheMoment() {
        CellRecording c = of("kill-server");
        assertEquals(List.of(new RecordedFrame(150_000, 150_000, Peer.SERVER, Frame.text(Messages.seq(1))),
                new RecordedFrame(180_000, 180_000, Peer.SERVER, Frame.text(Messages.seq(2)))), c.recording().frames());
        assertEquals(new ReplayFault(ReplayFault.Kind.CRASH, 200_000, 0), c.fault());
    }

    @Test
    void eachServerSideFaultHasItsReplayAndAClientSideOneIsRefused() {
        assertEquals(ReplayFault.close(1001, 200_000), of("stop-server").fault());
        assertEquals(ReplayFault.Kind.RESET, of("network-reset").fault().kind());
        assertEquals(ReplayFault.Kind.STALL, of("network-blackhole").fault().kind());
        assertEquals(ReplayFault.Kind.CRASH, of("proxy-down").fault().kind());
        assertEquals(ReplayFault.Kind.IDLE, of("idle").fault().kind());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> of("kill-client").fault());
        assertTrue(e.getMessage().contains("'kill-client', which struck the client, not the server; replay its stream with"
                + " a fault of your choice: --fault"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> of("latency-spike").fault());
    }

    @Test
    void aCellWithoutAStimulusOrThatIsNotThereIsAOneLineError() {
        Results r = cellWithFault("kill-server");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> CellRecording.of(r, RecheckFixture.SKIPPED, "results.json"));
        assertTrue(e.getMessage().contains("cannot be replayed: the timeline has no harness 'fault' mark"), e.getMessage());
        assertTrue(assertThrows(ConfigurationException.class, () -> CellRecording.of(r, "no.such", "results.json"))
                .getMessage().contains("results.json has no cell 'no.such'; it has 2 cells: kill-server.jetty.jdk"));
    }

    @Test
    void aRealClientGetsTheCellsMessagesAndThenItsCrash() throws Exception {
        CellRecording c = of("kill-server");
        try (ReplayServer replay = ReplayRig.serve(c.recording(), Optional.of(c.fault()), 1.0, ReplayRig.quietEvents());
             JdkClient client = JdkClient.connect(replay.url().toString())) {
            assertEquals(1006, client.await(kind("close"), Duration.ofSeconds(3), "the crash").code());
            assertEquals(List.of(Messages.seq(1), Messages.seq(2)),
                    client.all().stream().filter(kind("text")).map(JdkClient.Got::text).toList());
        }
    }
}
