package io.wsbed.harness.wire;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Run in a separate JVM by {@link WireCaptureCleanupTest}: starts a capture, prints the pids of
 * its watchdog and tcpdump on one line, then waits to be killed (at most a minute).
 */
public final class CaptureChildMain {
    static final String READY = "CAPTURE-TREE";

    private CaptureChildMain() {
    }

    /** Arguments: the tcpdump binary, the log folder. */
    public static void main(String[] args) throws Exception {
        WireCapture capture = WireCapture.start(Path.of(args[0]), Path.of(args[1]));
        System.out.println(READY + " " + capture.tree().stream().map(p -> Long.toString(p.pid()))
                .collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(1).toMillis());
    }
}
