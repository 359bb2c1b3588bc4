package io.wsbed.harness.schedule;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.Freeze;
import io.wsbed.harness.stack.RunningStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The client stops reading (SIGSTOP: its kernel keeps the connection and acknowledges what fits
 * in its receive buffer, then closes the TCP window, as for an application that stops reading),
 * and the server floods the session with {@code bytes}-byte messages for {@code floodMs} (the
 * contract's {@code flood} command). The server's resident memory is sampled from /proc every
 * 100 ms into {@code rss} marks, from before the stop until shortly after the flood ended; then
 * the client is killed. Judges nothing.
 */
public record FloodStalledClient(int bytes, long floodMs) implements Step {
    static final long SAMPLE_MS = 100;

    @Override
    public void run(Stage stage) {
        RunningStack server = stage.server();
        RunningStack client = stage.client();
        String session = stage.session(Side.SERVER);
        Thread sampler = new Thread(() -> sample(stage, server), "wsbed-rss-" + server.label());
        sampler.setDaemon(true);
        sampler.start();
        Freeze stopped = null;
        try {
            CellContext.sleep(Duration.ofMillis(2 * SAMPLE_MS));
            stage.fault("sigstop-client", "target", client.label());
            // A Freeze, so that a harness killed mid-flood leaves no stopped client (its watchdog continues it).
            stopped = client.freeze();
            stage.mark("flood", "target", server.label(), "session", session, "bytes", bytes, "ms", floodMs);
            if (!server.command("flood " + session + " " + bytes + " " + floodMs)) {
                throw new HarnessException(server.label() + " is gone before the flood");
            }
            long deadline = System.nanoTime() + (floodMs + 1_500) * 1_000_000L;
            while (System.nanoTime() < deadline && server.isAlive()) {
                if (stage.ctx().timeline().await(e -> e.source().equals(server.label()) && e.ev().equals("flood-end"),
                        Duration.ofMillis(SAMPLE_MS)).isPresent()) {
                    break;
                }
            }
            if (!server.isAlive() && server.awaitExit(Duration.ofMillis(500))) {
                stage.mark("process-exit", "target", server.label(), "exit_code", server.exitCode());
            }
            CellContext.sleep(Duration.ofMillis(2 * SAMPLE_MS));
        } finally {
            sampler.interrupt();
            try {
                sampler.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            client.kill();
            if (stopped != null) {
                stopped.close(); // the client is killed stopped, as before; this lets the watchdog go
            }
        }
        stage.mark("peer-gone", "target", client.label(), "exited", client.awaitExit(Duration.ofSeconds(2)));
    }

    /** Marks the server's VmRSS every 100 ms until interrupted or the process is gone. */
    private static void sample(Stage stage, RunningStack server) {
        Path status = Path.of("/proc", Long.toString(server.pid()), "status");
        while (!Thread.currentThread().isInterrupted()) {
            long kib = rssKib(status);
            if (kib < 0) {
                return;
            }
            stage.mark("rss", "target", server.label(), "rss_kib", kib);
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** VmRSS in KiB from /proc/<pid>/status, or -1 when the process is gone. */
    static long rssKib(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
