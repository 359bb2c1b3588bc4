package io.wsbed.harness.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that launches a Java stack: the harness's own java binary, flags that favour
 * start-up time over peak speed (the stacks carry little load), the stack's classpath and main.
 */
final class JavaCommand {
    /** Quick start matters more than peak throughput for a few messages a second. */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-XX:-UsePerfData",
            "-Xshare:auto", "-Djava.net.preferIPv4Stack=true",
            // The JVM's own warnings (a class-data archive it cannot map, say) go to stderr: stdout is the event stream.
            "-Xlog:disable", "-Xlog:all=warning:stderr");

    private JavaCommand() {
    }

    /**
     * The JVM flags of a memory limit: the heap capped at {@code mib} MiB, and an out-of-memory
     * error ends the process (exit code 3) instead of leaving it half alive, so the death is on the
     * timeline. A stack launched by {@code node} would get {@code --max-old-space-size=<mib>} for
     * the same limit (see {@link RunningStack#memoryLimitFlags}).
     */
    static List<String> memoryLimit(int mib) {
        return List.of("-Xmx" + mib + "m", "-XX:+ExitOnOutOfMemoryError");
    }

    static List<String> of(StackDescriptor stack, List<String> args) {
        return of(stack, args, stack.classpath(), List.of());
    }

    /** The stack mapping its start archive: the archive's classpath and flags. */
    static List<String> of(StackDescriptor stack, List<String> args, StartArchive archive) {
        return of(stack, args, archive.classpath(), archive.flags());
    }

    /** The stack on another classpath (its classes as a jar) and with more JVM flags. */
    static List<String> of(StackDescriptor stack, List<String> args, String classpath, List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(stack.mainClass());
        cmd.addAll(args);
        return cmd;
    }

    /** The harness's own java binary. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
