package io.wsbed.harness.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Launches a stack written in any language: the descriptor's {@code command} (for example
 * {@code node stack.js}), run from the stack's own folder, followed by the role and options.
 *
 * @param argv the command, split on spaces
 * @param workDir the stack's folder
 */
public record CommandLauncher(List<String> argv, Path workDir) implements Launcher {

    public CommandLauncher {
        argv = List.copyOf(argv);
    }

    @Override
    public List<String> command(List<String> args) {
        return command(args, Optional.empty(), 0);
    }

    /**
     * A memory limit is set where the runtime is known: a command run by {@code node} gets
     * {@code --max-old-space-size}, the V8 heap's equivalent of a JVM's -Xmx. Other runtimes run
     * without one (the report's header names the limit, and which stacks it bounds).
     */
    @Override
    public List<String> command(List<String> args, Optional<StartArchive> archive, int memoryMib) {
        List<String> cmd = new ArrayList<>(argv);
        if (memoryMib > 0 && Path.of(argv.get(0)).getFileName().toString().equals("node")) {
            cmd.add(1, "--max-old-space-size=" + memoryMib);
        }
        cmd.addAll(args);
        return cmd;
    }
}
