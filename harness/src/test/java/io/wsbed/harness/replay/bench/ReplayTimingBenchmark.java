package io.wsbed.harness.replay.bench;

import io.wsbed.harness.replay.MicroClock;
import io.wsbed.harness.replay.Peer;
import io.wsbed.harness.replay.Playback;
import io.wsbed.harness.replay.RecordedFrame;
import io.wsbed.harness.replay.Recorder;
import io.wsbed.harness.replay.Recording;
import io.wsbed.harness.replay.RecordingHeader;
import io.wsbed.harness.replay.RecordingReader;
import io.wsbed.harness.replay.ReplayEvents;
import io.wsbed.harness.replay.ReplayPlan;
import io.wsbed.harness.replay.ReplayServer;
import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.replay.wire.Opcode;
import io.wsbed.stack.api.Messages;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How closely a replay keeps the recorded timing: a seeded recording of {@code {"seq":N}} frames
 * (exponential gaps, so bursts and pauses both occur) is replayed by {@link ReplayServer} and
 * recorded again by {@link Recorder}, both in this JVM over loopback; each frame's error is
 * |replayed at_us - recorded at_us| (at_us counts from each side's end of the handshake, so the
 * handshake's own latency is part of the error: a constant offset, printed apart, which the next
 * column takes out). The last column is the replay server alone: how late it began each write,
 * on its own clock. A benchmark to read, not a test: it asserts nothing.
 *
 * <p>Arguments: frames (2000), mean gap in ms (5), speed (1.0), runs (3).
 */
public final class ReplayTimingBenchmark {
    private ReplayTimingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double gapMs = args.length > 1 ? Double.parseDouble(args[1]) : 5.0;
        double speed = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf(Locale.ROOT, "%d frames, mean gap %.1f ms, speed %.1f, %d cores, Java %s%n", frames, gapMs, speed,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("| run | frames | p50 abs err (us) | p99 abs err (us) | max abs err (us) | offset: median "
                + "err (us) | p99 abs (err - offset) (us) | send lateness p50 / p99 (us) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int run = 1; run <= runs; run++) {
            Recording original = synthetic(frames, gapMs, 6455 + run);
            ReplayEvents events = new ReplayEvents(new PrintWriter(Writer.nullWriter()), new MicroClock());
            long[] err = errors(original, replayAndRecord(original, speed, events), speed);
            long[] abs = Arrays.stream(err).map(Math::abs).sorted().toArray();
            long offset = rank(Arrays.stream(err).sorted().toArray(), 50);
            long[] jitter = Arrays.stream(err).map(e -> Math.abs(e - offset)).sorted().toArray();
            long[] late = lateness(events.events(), speed);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %d / %d |%n", run, abs.length, rank(abs, 50),
                    rank(abs, 99), abs[abs.length - 1], offset, rank(jitter, 99), rank(late, 50), rank(late, 99));
        }
    }

    static Recording synthetic(int frames, double gapMs, long seed) {
        Random random = new Random(seed);
        List<RecordedFrame> out = new ArrayList<>();
        long at = 20_000;
        for (int i = 1; i <= frames; i++) {
            at += Math.min((long) (-Math.log(1 - random.nextDouble()) * gapMs * 1000), (long) (gapMs * 20_000));
            out.add(new RecordedFrame(at, at, Peer.SERVER, Frame.text(Messages.seq(i))));
        }
        return new Recording(new RecordingHeader("client", "ws://127.0.0.1:1/ws", 0, null), out, Optional.empty());
    }

    private static Recording replayAndRecord(Recording original, double speed, ReplayEvents events) throws Exception {
        Path file = Files.createTempFile("wsbed-bench", ".jsonl");
        long lengthMs = (long) (original.lengthMicros() / 1000 / speed);
        try (ReplayServer server = ReplayServer.start(new ReplayPlan(Playback.of(original, false), Optional.empty(), speed,
                null, "/ws"), 0, events)) {
            CountDownLatch never = new CountDownLatch(1);
            Recorder recorder = Recorder.start(server.url(), file, never::countDown);
            never.await(lengthMs + 500, TimeUnit.MILLISECONDS);
            recorder.stop("duration");
            recorder.close();
            return RecordingReader.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Replayed minus recorded time of each frame the replay delivered, in microseconds of wall time. */
    private static long[] errors(Recording original, Recording replayed, double speed) {
        List<RecordedFrame> a = original.frames();
        List<RecordedFrame> b = replayed.frames().stream()
                .filter(f -> f.from() == Peer.SERVER && f.frame().opcode() == Opcode.TEXT).toList();
        if (b.size() != a.size()) {
            throw new IllegalStateException("the replay delivered " + b.size() + " of " + a.size() + " frames");
        }
        long[] err = new long[a.size()];
        for (int i = 0; i < a.size(); i++) {
            err[i] = b.get(i).atMicros() - (long) (a.get(i).atMicros() / speed);
        }
        return err;
    }

    /**
     * The replay server's own side: how late each frame's write began after its deadline (from its
     * {@code sent} events, on the server's clock), without the loopback and the recorder.
     */
    private static long[] lateness(List<Event> events, double speed) {
        long open = events.stream().filter(e -> e.ev().equals("open")).findFirst().orElseThrow().tMicros();
        return events.stream().filter(e -> e.ev().equals("sent") && "text".equals(e.str("op")))
                .mapToLong(e -> e.tMicros() - open - (long) (e.num("at_us", 0) / speed)).sorted().toArray();
    }

    /** Nearest rank: always one of the samples. */
    private static long rank(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
