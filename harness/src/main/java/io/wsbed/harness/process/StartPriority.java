package io.wsbed.harness.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process that starts while other cells are measuring starts at a lower CPU priority and gets
 * the normal one back once it is ready. A JVM's start keeps the CPU busy for a few hundred
 * milliseconds; at normal priority a stack in another cell that is about to notice a fault would
 * wait behind it, and its detection figure would grow with the neighbour's start, not with its own
 * behaviour. Linux keeps a priority per thread, so every thread of the process is restored. Where
 * the priority cannot be raised back (not root), the process stays at the lower one, like every
 * other stack process started the same way.
 */
public final class StartPriority {
    /** nice(1)'s increment for a starting process. */
    static final int STARTING = 10;
    private static final boolean AVAILABLE = Executables.find("nice").isPresent() && Executables.find("renice").isPresent();

    private StartPriority() {
    }

    /** The command prefixed to run at the lower priority (unchanged where nice is missing). */
    public static List<String> lowered(List<String> command) {
        if (!AVAILABLE) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("nice", "-n", Integer.toString(STARTING)));
        out.addAll(command);
        return out;
    }

    /** Gives every thread of the process the normal priority back (bounded; failures leave it lowered). */
    public static void restore(long pid) {
        if (!AVAILABLE) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("renice", "-n", "0", "-p"));
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(t -> cmd.add(t.getFileName().toString()));
        } catch (IOException e) {
            return; // gone already
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // renice could not run: the process keeps the lower priority.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
