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
            "-Xshare:auto", "-Djava.net.preferIPv4Stack=true");

    private JavaCommand() {
    }

    static List<String> of(StackDescriptor stack, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-cp");
        cmd.add(stack.classpath());
        cmd.add(stack.mainClass());
        cmd.addAll(args);
        return cmd;
    }
}
