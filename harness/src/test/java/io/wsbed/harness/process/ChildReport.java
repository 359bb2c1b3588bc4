package io.wsbed.harness.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * For tests that start a harness in a child JVM and kill it: waits for the one line in which the
 * child reports what it started ("<PREFIX> pid pid ..."), failing with the child's output when it
 * exits first or never reports.
 */
public final class ChildReport {
    private ChildReport() {
    }

    /** The words after {@code prefix} on the first line of {@code out} that starts with it. */
    public static List<String> await(Process child, Path out, String prefix, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(out) ? Files.readString(out) : "";
            Optional<String> line = text.lines().filter(l -> l.startsWith(prefix + " ")).findFirst();
            if (line.isPresent()) {
                return Arrays.asList(line.get().substring(prefix.length() + 1).trim().split(" "));
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child JVM exited with " + child.exitValue() + " before it reported "
                        + prefix + ":\n" + text);
            }
            ProcessTree.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("the child JVM did not report " + prefix + " within " + timeout.toSeconds()
                + " s; output in " + out);
    }
}
