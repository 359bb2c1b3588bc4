package io.wsbed.harness.replay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.WsUrl;
import io.wsbed.harness.timeline.Event;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the replay tests share: a replay server in this JVM, and a recorder run until its session ends. */
final class ReplayRig {
    private ReplayRig() {
    }

    /** A replay server on a free port whose event lines go nowhere (they are kept in {@code events}). */
    static ReplayServer serve(Recording r, Optional<ReplayFault> fault, double speed, ReplayEvents events) {
        return ReplayServer.start(new ReplayPlan(Playback.of(r, false), fault, speed, r.header().subprotocol(), "/ws"), 0,
                events);
    }

    static ReplayEvents quietEvents() {
        return new ReplayEvents(new PrintWriter(Writer.nullWriter()), new MicroClock());
    }

    /** Records {@code url} into {@code file} until the server ends the session (at most {@code max}), and reads it back. */
    static Recording record(String url, Path file, Duration max) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        Recorder recorder = Recorder.start(WsUrl.parse(url), file, ended::countDown);
        try {
            boolean done = ended.await(max.toMillis(), TimeUnit.MILLISECONDS);
            recorder.stop("duration");
            assertTrue(done, "the session with " + url + " did not end within " + max.toMillis() + " ms: " + recorder.summary());
        } finally {
            recorder.close();
        }
        return RecordingReader.read(file);
    }

    /** The frames one side sent, in order. */
    static List<Frame> frames(Recording r, Peer from) {
        List<Frame> out = new ArrayList<>();
        r.frames().stream().filter(f -> f.from() == from).forEach(f -> out.add(f.frame()));
        return out;
    }

    /** The replay's events named {@code ev}. */
    static List<Event> events(ReplayEvents events, String ev) {
        return events.events().stream().filter(e -> e.ev().equals(ev)).toList();
    }
}
