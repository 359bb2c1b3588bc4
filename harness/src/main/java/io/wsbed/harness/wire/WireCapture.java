package io.wsbed.harness.wire;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ChildProcess;
import io.wsbed.harness.process.ProcessTree;
import io.wsbed.harness.process.Watchdog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cell's packet capture: a {@code tcpdump} on the loopback interface writing
 * {@code wire.pcap} into the cell's log folder, from before the cell's first process until after
 * its last. Every TCP packet on {@code lo} is kept (the cell's ports are not known before its
 * processes are ready; {@link WireLane} selects the cell's connections afterwards), at most
 * {@link #SNAP_LENGTH} bytes of each and {@link #MAX_PACKETS} packets in all.
 *
 * <p>tcpdump ignores its stdin and would outlive a killed harness, so it runs under a
 * {@link Watchdog} started as a {@link ChildProcess}: registered (the shutdown hook kills its
 * tree), and its stdin pipe is the watchdog's lifeline, which the kernel closes when the harness
 * dies however it dies.
 */
public final class WireCapture implements AutoCloseable {
    /** Headers (66 bytes on loopback Ethernet with TCP timestamps) and the first 190 payload bytes. */
    public static final int SNAP_LENGTH = 256;
    /** At most this many packets (under 14 MB): tcpdump stops by itself there, and the capture says so. */
    public static final int MAX_PACKETS = 50_000;
    public static final String FILE = "wire.pcap";
    static final String LABEL = "tcpdump";
    private static final Duration READY = Duration.ofSeconds(5);
    private static final Duration STOP = Duration.ofSeconds(3);
    /** Lets tcpdump read the last packets from its ring before SIGTERM ends its loop. */
    private static final Duration SETTLE = Duration.ofMillis(30);
    private static final Pattern DROPPED = Pattern.compile("(\\d+) packets? dropped by kernel");

    private final ChildProcess process;
    private final Path file;
    private final Path stderr;
    private Stats stats;

    private WireCapture(ChildProcess process, Path file, Path stderr) {
        this.process = process;
        this.file = file;
        this.stderr = stderr;
    }

    /**
     * What the capture held when it stopped.
     *
     * @param file the capture file
     * @param droppedByKernel packets the kernel dropped before tcpdump read them (-1: unknown)
     * @param stoppedByItself tcpdump had ended before it was stopped (it reached {@link #MAX_PACKETS})
     */
    public record Stats(Path file, long droppedByKernel, boolean stoppedByItself) {
    }

    /** The tcpdump command line: loopback, TCP only, packet-buffered, no name lookups. */
    static List<String> command(Path tcpdump, Path file) {
        List<String> cmd = new ArrayList<>(List.of(tcpdump.toString(), "-i", "lo", "-n", "-U", "--immediate-mode",
                "-s", Integer.toString(SNAP_LENGTH), "-c", Integer.toString(MAX_PACKETS), "-w", file.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            // As root, tcpdump would drop to user "tcpdump", who may not write into the report folder.
            cmd.addAll(List.of("-Z", "root"));
        }
        cmd.add("tcp");
        return cmd;
    }

    /** Starts the capture and waits (bounded) until tcpdump listens; throws with its stderr when it does not. */
    public static WireCapture start(Path tcpdump, Path logDir) {
        Path file = logDir.resolve(FILE);
        ChildProcess p = ChildProcess.start(LABEL, Watchdog.argv("wsbed capture watchdog", command(tcpdump, file), ""),
                logDir, line -> { });
        WireCapture capture = new WireCapture(p, file, p.stderrLog());
        long deadline = System.nanoTime() + READY.toNanos();
        while (!capture.stderrText().contains("listening on")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.kill();
                throw new HarnessException("tcpdump did not start capturing within " + READY.toSeconds() + " s"
                        + (p.isAlive() ? "" : " (it exited)") + "; stderr " + capture.stderr + ": "
                        + p.stderrTail(5));
            }
            ProcessTree.sleep(Duration.ofMillis(5));
        }
        return capture;
    }

    public Path file() {
        return file;
    }

    /** The watchdog's pid (tcpdump runs below it). */
    public long pid() {
        return process.pid();
    }

    /** The watchdog and tcpdump, as they run now (for tests). */
    List<ProcessHandle> tree() {
        return ProcessHandle.of(process.pid()).map(ProcessTree::snapshot).orElse(List.of());
    }

    /**
     * Stops tcpdump gracefully (SIGTERM: it writes what it holds and its counts), bounded, then
     * ends the watchdog; returns what the capture held. Idempotent.
     */
    public synchronized Stats stop() {
        if (stats != null) {
            return stats;
        }
        ProcessTree.sleep(SETTLE);
        Optional<ProcessHandle> tcpdump = tcpdumpProcess();
        boolean byItself = tcpdump.isEmpty();
        tcpdump.ifPresent(t -> {
            t.destroy();
            if (!ProcessTree.awaitGone(List.of(t), STOP).isEmpty()) {
                t.destroyForcibly();
            }
        });
        process.close();
        if (!process.awaitExit(STOP)) {
            process.kill();
        }
        stats = new Stats(file, dropped(stderrText()), byItself);
        return stats;
    }

    private Optional<ProcessHandle> tcpdumpProcess() {
        return ProcessHandle.of(process.pid()).stream().flatMap(ProcessHandle::descendants)
                .filter(ProcessTree::isRunning)
                .filter(h -> h.info().command().map(c -> c.endsWith("/" + LABEL) || c.equals(LABEL)).orElse(false))
                .findFirst();
    }

    static long dropped(String stderrText) {
        Matcher m = DROPPED.matcher(stderrText);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String stderrText() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the capture if still running (idempotent). */
    @Override
    public void close() {
        stop();
    }
}
