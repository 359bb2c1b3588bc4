package io.wsbed.harness.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No container outlives its run (real engine; skipped without one): not when the harness is
 * interrupted (shutdown hook), not when it is killed outright (the watchdog).
 */
class ContainerCleanupTest {
    private static final Duration GONE_WITHIN = Duration.ofSeconds(20);

    @Test
    void anInterruptedRunRemovesItsContainers() throws Exception {
        assertNoContainersAfter("INT");
    }

    @Test
    void aRunKilledOutrightLeavesNoContainerEither() throws Exception {
        assertNoContainersAfter("KILL");
    }

    private void assertNoContainersAfter(String signal) throws Exception {
        DockerTestSupport.requireContainers();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ContainerChildMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("ready "), "the child started its containers: " + line);
            String run = line.substring("ready ".length()).strip();
            assertEquals(2, DockerTestSupport.containersOf(run).size(), "Toxiproxy and nginx run");
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
            assertEquals(0, kill.waitFor(), "kill -" + signal);
            assertTrue(child.waitFor(15, TimeUnit.SECONDS), "the child JVM ended");
            assertEquals(0, DockerTestSupport.awaitNoContainers(run, GONE_WITHIN),
                    "containers of run " + run + " outlived a SIG" + signal + " of their harness");
        } finally {
            child.destroyForcibly();
        }
    }
}
