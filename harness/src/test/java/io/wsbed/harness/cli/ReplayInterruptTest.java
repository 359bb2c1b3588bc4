package io.wsbed.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.process.FreePort;
import io.wsbed.harness.replay.Recorder;
import io.wsbed.harness.replay.wire.WsUrl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wsbed replay} as its own process with a client connected, stopped by a signal: it drops the
 * connection, writes its report, exits, and leaves no process and no listening port behind.
 */
class ReplayInterruptTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalEndsTheReplayWithItsReportAndLeavesNothingBehind(String signal) throws Exception {
        StringBuilder lines = new StringBuilder(RecordReplayCliTest.HEADER);
        for (int i = 1; i <= 600; i++) {
            lines.append("{\"t\":").append(i).append(",\"at_us\":").append(i * 100_000L)
                    .append(",\"from\":\"server\",\"op\":\"text\",\"text\":\"{\\\"seq\\\":").append(i).append("}\"}\n");
        }
        Path rec = Files.writeString(dir.resolve("minute.jsonl"), lines);
        int port = FreePort.loopback();
        Path out = dir.resolve("replay.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process replay = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WsbedCli.class.getName(),
                "replay", rec.toString(), "--port", Integer.toString(port), "--report", dir.resolve("report").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            awaitOutput(out, s -> s.contains("Point the client at"), replay);
            CountDownLatch ended = new CountDownLatch(1);
            Recorder client = Recorder.start(WsUrl.loopback(port, "/ws"), dir.resolve("client.jsonl"), ended::countDown);
            awaitOutput(out, s -> s.contains("\"ev\":\"sent\""), replay);
            assertEquals(0, replay.descendants().count(), "wsbed replay starts no process of its own");

            new ProcessBuilder("kill", "-" + signal, Long.toString(replay.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);

            assertTrue(replay.waitFor(10, TimeUnit.SECONDS), "wsbed replay still runs 10 s after SIG" + signal + ":\n"
                    + Files.readString(out));
            assertEquals(128 + (signal.equals("INT") ? 2 : 15), replay.exitValue(), Files.readString(out));
            assertTrue(ended.await(3, TimeUnit.SECONDS), "the client's session ended with the replay: " + client.summary());
            client.close();
            assertPortFree(port);
            String stopped = Files.readString(out);
            assertTrue(stopped.contains("\"reason\":\"the replay stopped\"") && stopped.contains("\"ev\":\"stopped\""), stopped);
            assertTrue(Files.exists(dir.resolve("report/index.html")), "the report is written on the way out:\n" + stopped);
        } finally {
            replay.destroyForcibly();
        }
    }

    private static void awaitOutput(Path out, Predicate<String> match, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!match.test(Files.readString(out))) {
            assertTrue(p.isAlive(), "wsbed replay exited early:\n" + Files.readString(out));
            assertTrue(System.nanoTime() < deadline, "wsbed replay did not get there within 30 s:\n" + Files.readString(out));
            Thread.sleep(50);
        }
    }

    private static void assertPortFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new AssertionError("port " + port + " is still taken after the replay exited: " + e.getMessage(), e);
        }
    }
}
