package io.wsbed.harness.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.ConfigurationException;
import io.wsbed.harness.HarnessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovering stacks from their build output and asking them for {@code info}, within a bound. */
class StackCatalogTest {
    private static final Duration SHORT_BOUND = Duration.ofMillis(1500);

    @TempDir
    Path root;

    @Test
    void aStackAnswersInfoThroughAChildProcessWhoseOutputIsInFiles() throws Exception {
        StackCatalog catalog = catalogWith("answers", FakeStacks.Answers.class);
        Path logs = root.resolve("info-logs");
        Map<String, StackInfo> infos = catalog.describe(List.of("answers"), logs, SHORT_BOUND.multipliedBy(4));
        assertEquals(new StackInfo("answers", "Answers", "1.2.3", List.of("server", "client"), "none", "sync", true),
                infos.get("answers"));
        assertTrue(Files.readString(logs.resolve("info-answers.out")).contains("\"ev\":\"info\""), "stdout went to a file");
        assertTrue(Files.exists(logs.resolve("info-answers.err")), "stderr went to a file");
    }

    @Test
    void aStackThatHangsInInfoIsKilledAtTheBoundAndNamedWithItsStderr() throws Exception {
        StackCatalog catalog = catalogWith("hangs", FakeStacks.Hangs.class);
        long start = System.nanoTime();
        var e = assertThrows(HarnessException.class,
                () -> catalog.describe(List.of("hangs"), root.resolve("info-logs"), SHORT_BOUND));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        String m = e.getMessage();
        assertFalse(e instanceof ConfigurationException, "a hanging stack is a broken build, not a configuration mistake");
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.startsWith("stack 'hangs' did not answer 'info' within 1500 ms and was killed; stderr "), m);
        assertTrue(m.endsWith("hangs: loading the library | hangs: waiting for a lock that never comes"), m);
        assertTrue(tookMs >= SHORT_BOUND.toMillis() && tookMs < SHORT_BOUND.toMillis() + 3000,
                "returned " + tookMs + " ms after the start, bound " + SHORT_BOUND.toMillis() + " ms");
        assertTrue(awaitGone(FakeStacks.Hangs.class, Duration.ofSeconds(3)), "the hanging stack process was killed");
    }

    @Test
    void anUnknownStackIsAConfigurationErrorThatListsTheKnownOnes() throws Exception {
        StackCatalog catalog = catalogWith("answers", FakeStacks.Answers.class);
        var e = assertThrows(ConfigurationException.class, () -> catalog.require("answer"));
        assertEquals("Configuration error: Unknown stack 'answer'; available: answers", e.getMessage());
    }

    /**
     * A checkout with one built Java stack module whose launcher is {@code main} on this test
     * classpath (the build's classpath file holds it; the module's own classes folder is empty).
     */
    private StackCatalog catalogWith(String id, Class<?> main) throws Exception {
        Path folder = Files.createDirectories(root.resolve("servers").resolve(id));
        Files.writeString(folder.resolve(StackDescriptor.FILE), String.join("\n", "id=" + id,
                "name=" + main.getSimpleName(), "roles=server,client", "main=" + main.getName(), ""));
        Path wsbed = Files.createDirectories(folder.resolve("target").resolve("wsbed"));
        Files.writeString(wsbed.resolve("classpath.txt"), System.getProperty("java.class.path"));
        return StackCatalog.discover(root);
    }

    private static boolean awaitGone(Class<?> main, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .anyMatch(p -> p.info().commandLine().orElse("").contains(main.getName()));
            if (!alive) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
