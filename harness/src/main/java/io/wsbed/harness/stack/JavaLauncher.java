package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Launches a Java stack: the harness's own java binary, flags that favour start-up time over peak
 * speed (the stacks carry little load), the module's classes and the runtime classpath its build
 * wrote (target/wsbed/classpath.txt), then the descriptor's main class.
 */
public final class JavaLauncher implements Launcher {
    /** Quick start matters more than peak throughput for a few messages a second. */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-XX:-UsePerfData",
            "-Xshare:auto", "-Djava.net.preferIPv4Stack=true",
            // The JVM's own warnings (a class-data archive it cannot map, say) go to stderr: stdout is the event stream.
            "-Xlog:disable", "-Xlog:all=warning:stderr");
    /** What the build writes into a Java stack's folder, relative to it. */
    static final String CLASSPATH_FILE = "target/wsbed/classpath.txt";

    private final String mainClass;
    private final Path folder;
    private volatile String classpath;

    JavaLauncher(String mainClass, Path folder) {
        this.mainClass = mainClass;
        this.folder = folder;
    }

    /** A launcher with a known classpath (tests run stacks from their own classpath). */
    JavaLauncher(String mainClass, Path folder, String classpath) {
        this(mainClass, folder);
        this.classpath = classpath;
    }

    public String mainClass() {
        return mainClass;
    }

    /** The module's classes, then its runtime dependencies, as the build wrote them. */
    public String classpath() {
        String cp = classpath;
        if (cp == null) {
            Path file = folder.resolve(CLASSPATH_FILE);
            try {
                String deps = Files.readString(file, StandardCharsets.UTF_8).strip();
                String classes = folder.resolve("target").resolve("classes").toString();
                cp = deps.isEmpty() ? classes : classes + File.pathSeparator + deps;
            } catch (IOException e) {
                throw new HarnessException("cannot read " + file + " (build the stack: mvn -DskipTests package): "
                        + e.getMessage(), e);
            }
            classpath = cp;
        }
        return cp;
    }

    @Override
    public List<String> command(List<String> args) {
        return command(args, classpath(), List.of());
    }

    /** The stack mapping its start archive: the archive's classpath and flags. */
    List<String> command(List<String> args, StartArchive archive) {
        return command(args, archive.classpath(), archive.flags());
    }

    /** The stack on another classpath (its classes as a jar) and with more JVM flags. */
    List<String> command(List<String> args, String classpath, List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    @Override
    public Path workDir() {
        return folder;
    }

    /** The harness's own java binary. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
