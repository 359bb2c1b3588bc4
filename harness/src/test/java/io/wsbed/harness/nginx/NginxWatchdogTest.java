package io.wsbed.harness.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.process.ChildReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nginx must not outlive the JVM that started it, however that JVM ends: started from a separate
 * JVM that is then killed, no master, worker or watchdog may remain.
 */
class NginxWatchdogTest {
    private static final Logger LOG = LoggerFactory.getLogger(NginxWatchdogTest.class);
    private static final Duration CHILD_READY = Duration.ofSeconds(60);
    private static final Duration JVM_EXIT = Duration.ofSeconds(10);
    // The watchdog reacts within milliseconds; the slack is for a loaded 2-core machine.
    private static final Duration GONE = Duration.ofSeconds(3);

    @Test
    void nginxDiesWithAJvmKilledBySigkill(@TempDir Path dir) throws Exception {
        Duration took = killChildJvm(dir, true);

        LOG.info("MEASURED SIGKILL of the harness JVM: every nginx process gone {} ms later", took.toMillis());
    }

    @Test
    void nginxDiesWithAJvmEndedBySigterm(@TempDir Path dir) throws Exception {
        // SIGTERM takes the JVM's exit path that Ctrl-C (SIGINT) takes: shutdown hooks, then exit.
        Duration took = killChildJvm(dir, false);

        LOG.info("MEASURED SIGTERM of the harness JVM: every nginx process gone {} ms later", took.toMillis());
    }

    /** Starts nginx from a child JVM, kills that JVM, returns how long until no nginx process ran. */
    private Duration killChildJvm(Path dir, boolean sigkill) throws Exception {
        NginxTestSupport.nginx();
        Path out = dir.resolve("child.out");
        Process child = new ProcessBuilder(javaCommand(dir))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        List<Long> pids = new ArrayList<>();
        Path prefix = null;
        try {
            // The child reports the prefix, then the pids of watchdog, master and workers.
            List<String> tree = ChildReport.await(child, out, NginxChildMain.READY, CHILD_READY);
            prefix = Path.of(tree.get(0));
            tree.subList(1, tree.size()).forEach(pid -> pids.add(Long.valueOf(pid)));
            assertEquals(pids, NginxTestSupport.stillRunning(pids), "all run before the kill");

            long killedAt = System.nanoTime();
            if (sigkill) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            NginxTestSupport.awaitAllGone(pids, GONE);
            Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
            assertTrue(child.waitFor(JVM_EXIT.toMillis(), TimeUnit.MILLISECONDS), "the child JVM did not end");
            return took;
        } finally {
            child.destroyForcibly();
            NginxTestSupport.killQuietly(pids);
            deleteTree(prefix);
        }
    }

    private static List<String> javaCommand(Path dir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        Optional.ofNullable(System.getProperty("wsbed.nginx.bin")).ifPresent(b -> command.add("-Dwsbed.nginx.bin=" + b));
        command.addAll(List.of(NginxChildMain.class.getName(), NginxTestSupport.repoRoot().toString(),
                dir.resolve("logs").toString()));
        return command;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
