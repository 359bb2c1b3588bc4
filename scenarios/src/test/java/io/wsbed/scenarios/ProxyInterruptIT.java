package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.haproxy.HaproxyBinary;
import io.wsbed.harness.nginx.NginxLookup;
import io.wsbed.harness.process.ProcessTree;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No proxy outlives an interrupted run: {@code wsbed run} of one cell that runs HAProxy
 * (lb-failover) or nginx (nginx-idle-timeout) is started as its own process; once the proxy and
 * the cell's client run, the harness gets SIGTERM or SIGKILL mid-cell, and no process whose command
 * line names that run's private proxy prefix ({@code /tmp/wsbed-haproxy-*}, {@code /tmp/wsbed-nginx-*})
 * may be running 10 s later. Processes are found by the prefix, never by name, so a system nginx or
 * haproxy does not count.
 */
class ProxyInterruptIT {
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final Pattern PREFIX = Pattern.compile("/\\S*?/wsbed-(?:haproxy|nginx)-[0-9]+");

    @ParameterizedTest
    @CsvSource({"lb-failover, KILL", "lb-failover, TERM", "nginx-idle-timeout, KILL", "nginx-idle-timeout, TERM"})
    void aHarnessSignalledMidCellLeavesNoProxyBehind(String scenario, String signal, @TempDir Path report)
            throws Exception {
        boolean haproxy = scenario.equals("lb-failover");
        Assumptions.assumeTrue(haproxy ? HaproxyBinary.local().isPresent() : NginxLookup.locate(null).found(),
                haproxy ? HaproxyBinary.MISSING_REASON : NginxLookup.MISSING_REASON);
        Process run = HarnessRun.start(report, "--stacks", "jetty", "--scenarios", scenario, "--profiles", "default",
                "--parallel", "1", "--capture", "off", "--no-baseline");
        List<ProcessHandle> seen = new ArrayList<>();
        String prefix = null;
        try {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < deadline && run.isAlive() && prefix == null) {
                List<ProcessHandle> now = run.toHandle().descendants().toList();
                Optional<String> proxy = now.stream().map(ProxyInterruptIT::prefixOf).flatMap(Optional::stream).findFirst();
                boolean client = now.stream().anyMatch(p -> cmdline(p).contains(" client "));
                if (proxy.isPresent() && client) {
                    prefix = proxy.get();
                    seen.addAll(now);
                }
                Thread.sleep(20);
            }
            assertTrue(prefix != null, "the run never had its proxy and client running (see " + HarnessRun.log(report) + ")");
            String runPrefix = prefix;
            assertTrue(!withPrefix(runPrefix).isEmpty(), "the proxy is found by its prefix " + runPrefix + " before the signal");
            List<String> left = HarnessRun.signalAndSurvivors(run, signal, seen);
            assertEquals(List.of(), left, "processes of the run outlived its SIG" + signal);
            assertEquals(List.of(), withPrefix(runPrefix), "processes naming " + runPrefix + " outlived SIG" + signal);
        } finally {
            run.destroyForcibly();
            seen.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The private proxy prefix a process's command line names, if any. */
    private static Optional<String> prefixOf(ProcessHandle p) {
        Matcher m = PREFIX.matcher(cmdline(p));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /**
     * The command line from /proc/pid/cmdline, arguments joined by spaces ("" when gone). Not
     * ProcessHandle.Info: it gives no arguments for a process that rewrote its title (nginx's
     * "master process ..." line) and would miss the prefix there.
     */
    private static String cmdline(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Every running process of this machine whose command line names the prefix, as "pid command line". */
    private static List<String> withPrefix(String prefix) {
        return ProcessHandle.allProcesses().filter(p -> cmdline(p).contains(prefix)).filter(ProcessTree::isRunning)
                .map(p -> p.pid() + " " + cmdline(p).replace('\n', ' ')).toList();
    }
}
