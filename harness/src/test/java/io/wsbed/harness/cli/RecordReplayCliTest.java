package io.wsbed.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsbed.harness.check.RecheckFixture;
import io.wsbed.harness.process.FreePort;
import io.wsbed.harness.replay.Recorder;
import io.wsbed.harness.replay.Recording;
import io.wsbed.harness.replay.RecordingReader;
import io.wsbed.harness.replay.wire.WsUrl;
import io.wsbed.harness.report.ResultsJsonWriter;
import io.wsbed.harness.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wsbed record and wsbed replay as a user meets them: one-line errors with exit code 2, and a replay's report. */
class RecordReplayCliTest {
    static final String HEADER = "{\"schema\":\"wsbed.recording/1\",\"t\":0,\"mode\":\"client\",\"url\":\"ws://127.0.0.1:1/ws\"}\n";
    static final String SEQ_1 = "{\"t\":1,\"at_us\":100000,\"from\":\"server\",\"op\":\"text\",\"text\":\"{\\\"seq\\\":1}\"}\n";

    @TempDir
    Path dir;

    private final CliCall call = new CliCall();

    @Test
    void recordingAnUnreachableUrlIsOneLineExitTwoAndNoFile() {
        int port = FreePort.loopback();
        Path file = dir.resolve("never.jsonl");
        assertEquals(2, call.run("record", "--url", "ws://127.0.0.1:" + port + "/ws", "-o", file.toString()));
        assertEquals("wsbed: Configuration error: cannot open ws://127.0.0.1:" + port + "/ws: Connection refused (is a "
                + "WebSocket server listening there, on that path?)", call.err().strip());
        assertFalse(Files.exists(file), "nothing recorded, no file");
        assertEquals(2, call.run("record", "--url", "ws://127.0.0.1:" + port + "/ws", "--listen", "127.0.0.1:0", "-o",
                file.toString()));
        assertTrue(call.err().strip().startsWith("wsbed: Configuration error: cannot open ws://127.0.0.1:" + port), call.err());
        assertEquals(1, call.err().strip().lines().count(), call.err());
        assertEquals(2, call.run("record", "--url", "http://x/", "-o", file.toString()));
        assertEquals(2, call.run("record", "--url", "ws://127.0.0.1:" + port + "/ws", "--listen", "0.0.0.0:9000", "-o",
                file.toString()));
        assertTrue(call.err().contains("is not a loopback address"), call.err());
    }

    @Test
    void replayRefusesACutRecordingAnUnknownSchemaAndAResultsFileWithoutACell() throws Exception {
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), HEADER + SEQ_1 + "{\"t\":2,\"at_us\":2000");
        assertEquals(2, call.run("replay", cut.toString()));
        assertEquals(1, call.err().strip().lines().count(), call.err());
        assertTrue(call.err().contains(cut + " line 3 is cut off in the middle"), call.err());
        Path v9 = Files.writeString(dir.resolve("v9.jsonl"), "{\"schema\":\"wsbed.recording/9\"}\n");
        assertEquals(2, call.run("replay", v9.toString()));
        assertTrue(call.err().contains("has schema 'wsbed.recording/9', which this wsbed does not read"), call.err());
        Path results = Files.writeString(dir.resolve("results.json"),
                ResultsJsonWriter.write(RecheckFixture.stored(Verdict.PASS, "server-crash")));
        assertEquals(2, call.run("replay", results.toString()));
        assertTrue(call.err().contains("is a results.json, not a recording: replay one of its cells with --cell ID"), call.err());
        assertEquals(2, call.run("replay", results.toString(), "--cell", "nope"));
        assertTrue(call.err().contains("has no cell 'nope'; it has 2 cells: server-crash.jetty.jdk.default.direct"), call.err());
        assertEquals(2, call.run("replay", cut.toString(), "--fault", "boom@1"));
        assertEquals(2, call.run("replay", cut.toString(), "--speed", "0"));
    }

    @Test
    void aReplayPrintsItsUrlAndEventLinesAndWritesAReportWithOneCell() throws Exception {
        Path rec = Files.writeString(dir.resolve("rec.jsonl"), HEADER + SEQ_1
                + "{\"t\":2,\"at_us\":150000,\"from\":\"server\",\"op\":\"binary\",\"b64\":\"AAE=\"}\n");
        int port = FreePort.loopback();
        Path report = dir.resolve("report");
        CompletableFuture<Integer> replay = CompletableFuture.supplyAsync(() -> call.run("replay", rec.toString(), "--port",
                Integer.toString(port), "--fault", "crash@0.2", "--duration", "1500ms", "--report", report.toString()));
        CountDownLatch ended = new CountDownLatch(1);
        Recorder recorder = connect(port, dir.resolve("seen.jsonl"), ended);
        assertTrue(ended.await(3, TimeUnit.SECONDS), "the crash ended the session: " + recorder.summary());
        recorder.close();
        assertEquals(0, replay.get(5, TimeUnit.SECONDS), call.err());
        Recording seen = RecordingReader.read(dir.resolve("seen.jsonl"));
        assertEquals(2, seen.frames().size(), "both frames before the crash at 0.2 s");
        assertTrue(call.out().contains("Point the client at ws://127.0.0.1:" + port + "/ws"), call.out());
        assertTrue(call.out().contains("\"ev\":\"fault\",\"kind\":\"crash\""), call.out());
        JsonNode cell = new ObjectMapper().readTree(report.resolve("results.json").toFile()).path("cells").get(0);
        assertEquals("replay.replay.client.default.direct", cell.path("id").asText());
        assertEquals("SKIPPED", cell.path("verdict").asText());
        JsonNode fault = null;
        for (JsonNode e : cell.path("timeline")) {
            if (e.path("ev").asText().equals("fault")) {
                fault = e;
            }
        }
        assertTrue(fault != null && fault.path("source").asText().equals("harness") && fault.path("ms").asDouble() == 0.0,
                "the fault is t0 on the harness lane: " + cell.path("timeline"));
        assertTrue(Files.readString(report.resolve("index.html")).contains("replay.replay.client.default.direct"));
        assertTrue(Files.exists(report.resolve("logs/replay.replay.client.default.direct/replay.out")));
    }

    /** Connects a recorder as the client, retrying while the replay is not listening yet (bounded). */
    private static Recorder connect(int port, Path file, CountDownLatch ended) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return Recorder.start(WsUrl.loopback(port, "/ws"), file, ended::countDown);
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

}
