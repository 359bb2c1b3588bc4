package io.wsbed.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.process.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wsbed record and wsbed replay as a user meets them: one-line errors with exit code 2. */
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
    void replayRefusesACutRecordingAnUnknownSchemaAndABadOption() throws Exception {
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), HEADER + SEQ_1 + "{\"t\":2,\"at_us\":2000");
        assertEquals(2, call.run("replay", cut.toString()));
        assertEquals(1, call.err().strip().lines().count(), call.err());
        assertTrue(call.err().contains(cut + " line 3 is cut off in the middle"), call.err());
        Path v9 = Files.writeString(dir.resolve("v9.jsonl"), "{\"schema\":\"wsbed.recording/9\"}\n");
        assertEquals(2, call.run("replay", v9.toString()));
        assertTrue(call.err().contains("has schema 'wsbed.recording/9', which this wsbed does not read"), call.err());
        assertEquals(2, call.run("replay", cut.toString(), "--fault", "boom@1"));
        assertEquals(2, call.run("replay", cut.toString(), "--speed", "0"));
    }
}
