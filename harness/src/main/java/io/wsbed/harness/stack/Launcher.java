package io.wsbed.harness.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * How a stack process is started: the one seam between a descriptor and a running process. A Java
 * stack runs a main class on its module's classpath ({@link JavaLauncher}); a stack in any other
 * language runs the argv its descriptor gives, from its own folder ({@link CommandLauncher}).
 */
public sealed interface Launcher permits JavaLauncher, CommandLauncher {

    /** The full command line that runs the stack with {@code args} (the role word, then options). */
    List<String> command(List<String> args);

    /** The folder the process runs in. */
    Path workDir();
}
