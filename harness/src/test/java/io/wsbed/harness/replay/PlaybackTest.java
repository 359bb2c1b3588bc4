package io.wsbed.harness.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.ConfigurationException;
import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.Opcode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a replay plays from a recording, and the --fault syntax. */
class PlaybackTest {
    private static final RecordingHeader HEADER = new RecordingHeader("client", "ws://x/ws", 0, null);

    private static Recording recording(RecordingEnd end, RecordedFrame... frames) {
        return new Recording(HEADER, List.of(frames), Optional.ofNullable(end));
    }

    private static RecordedFrame server(long at, Frame f) {
        return new RecordedFrame(at, at, Peer.SERVER, f);
    }

    private static RecordedFrame client(long at, Frame f) {
        return new RecordedFrame(at, at, Peer.CLIENT, f);
    }

    @Test
    void answersToTheRecordedClientAreNotPlayedButTheServersOwnCloseIs() {
        Recording r = recording(new RecordingEnd(500, 500, RecordingEnd.How.CLOSE, Peer.SERVER, 1000, "", null),
                server(100, Frame.text("a")), client(150, new Frame(true, Opcode.PING, new byte[0])),
                server(151, Frame.pong(new byte[0])), server(200, new Frame(true, Opcode.PING, new byte[0])),
                server(400, Frame.close(1000, "")), client(401, Frame.close(1000, "")));
        Playback p = Playback.of(r, false);
        assertEquals(List.of(Opcode.TEXT, Opcode.PING, Opcode.CLOSE),
                List.of(p.step(0).frame().opcode(), p.step(1).frame().opcode(), p.step(2).frame().opcode()));
        assertNull(p.step(3));
        assertTrue(p.dropAtMicros().isEmpty());
    }

    @Test
    void aCloseTheClientBeganIsLeftToTheLiveClientAndAServerThatDroppedIsADrop() {
        Recording clientClosed = recording(new RecordingEnd(500, 500, RecordingEnd.How.CLOSE, Peer.CLIENT, 1000, "", null),
                server(100, Frame.text("a")), client(300, Frame.close(1000, "")), server(301, Frame.close(1000, "")));
        assertEquals(1, Playback.of(clientClosed, false).frameCount());
        Recording dropped = recording(new RecordingEnd(700_000, 700_000, RecordingEnd.How.EOF, Peer.SERVER, null, null,
                null), server(100_000, Frame.text("a")));
        assertEquals(Optional.of(700_000L), Playback.of(dropped, false).dropAtMicros());
        assertTrue(Playback.of(dropped, true).dropAtMicros().isEmpty(), "a loop never plays the ending");
    }

    @Test
    void aLoopRepeatsTheFramesOneRecordingLengthApart() {
        Recording r = recording(new RecordingEnd(1_000, 1_000, RecordingEnd.How.STOPPED, null, null, null, "duration"),
                server(100, Frame.text("a")), server(600, Frame.text("b")));
        Playback p = Playback.of(r, true);
        assertEquals(List.of(100L, 600L, 1_100L, 1_600L, 2_100L),
                List.of(p.step(0).atMicros(), p.step(1).atMicros(), p.step(2).atMicros(), p.step(3).atMicros(),
                        p.step(4).atMicros()));
        Recording tiny = recording(null, server(10, Frame.text("a")));
        assertThrows(ConfigurationException.class, () -> Playback.of(tiny, true));
    }

    @Test
    void faultsParseFromTheirSpecAndRefuseCodesACloseCannotCarry() {
        assertEquals(new ReplayFault(ReplayFault.Kind.CRASH, 5_000_000, 0), ReplayFault.parse("crash@5").orElseThrow());
        assertEquals(new ReplayFault(ReplayFault.Kind.CLOSE, 2_500_000, 1011), ReplayFault.parse("close:1011@2.5").orElseThrow());
        assertEquals("stall@0.25", ReplayFault.parse("stall@0.25s").orElseThrow().spec());
        assertEquals("idle@5", ReplayFault.parse("IDLE@5").orElseThrow().spec());
        assertTrue(ReplayFault.parse("none").isEmpty());
        for (String bad : new String[] {"crash", "boom@5", "close@5", "crash@-1", "close:1006@1", "close:999@1"}) {
            assertThrows(ConfigurationException.class, () -> ReplayFault.parse(bad), bad);
        }
        assertTrue(assertThrows(ConfigurationException.class, () -> ReplayFault.parse("close:1006@1")).getMessage()
                .contains("--fault crash@S"));
    }
}
