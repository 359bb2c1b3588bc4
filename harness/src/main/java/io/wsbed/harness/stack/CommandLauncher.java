package io.wsbed.harness.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        List<String> cmd = new ArrayList<>(argv);
        cmd.addAll(args);
        return cmd;
    }
}
