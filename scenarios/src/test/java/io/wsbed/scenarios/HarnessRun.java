package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.process.ProcessTree;
import io.wsbed.harness.run.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code wsbed run} in a JVM of its own, for the tests that signal the harness mid-run and then
 * look for what it left behind: its output goes to {@code <report>.log}, beside the report.
 */
final class HarnessRun {
    private HarnessRun() {
    }

    /** Starts {@code wsbed run <options> --report-dir <report>}, start archives off. */
    static Process start(Path report, String... options) throws IOException {
        Path root = Settings.fromSystemProperties().root();
        String classpath = root.resolve("harness/target/classes") + ":"
                + Files.readString(root.resolve("harness/target/classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dwsbed.root=" + root, "-Dwsbed.cds=off", "-cp", classpath, "io.wsbed.harness.cli.WsbedCli", "run"));
        command.addAll(List.of(options));
        command.addAll(List.of("--report-dir", report.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(report).toFile()).start();
    }

    static Path log(Path report) {
        return report.resolveSibling(report.getFileName() + ".log");
    }

    /**
     * Sends SIG{@code signal} to the run, waits for it to end, and returns those of {@code seen}
     * still running 10 s later (zombies count as gone), each as "pid command line".
     */
    static List<String> signalAndSurvivors(Process run, String signal, List<ProcessHandle> seen) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
        assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the run ended after SIG" + signal);
        return ProcessTree.awaitGone(seen, Duration.ofSeconds(10)).stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }
}
