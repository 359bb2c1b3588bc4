package io.wsbed.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.process.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wsbed record as a user meets it: one-line errors with exit code 2. */
class RecordReplayCliTest {
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
}
