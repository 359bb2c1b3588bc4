package io.wsbed.harness.stack;

import io.wsbed.harness.process.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a stack needs on the machine before it can run: executables on the PATH, files in its
 * folder (such as installed {@code node_modules}), and the command that provides them.
 *
 * @param commands executables that must be on the PATH
 * @param files paths relative to the stack's folder that must exist
 * @param install the command, run in the stack's folder, that provides the files (may be empty)
 * @param installCommands the command that provides the executables, e.g. an apt-get line (may be empty)
 */
public record Prerequisites(List<String> commands, List<String> files, String install, String installCommands) {
    public static final Prerequisites NONE = new Prerequisites(List.of(), List.of(), "", "");

    public Prerequisites {
        commands = List.copyOf(commands);
        files = List.copyOf(files);
        install = install == null ? "" : install.strip();
        installCommands = installCommands == null ? "" : installCommands.strip();
    }

    /**
     * Why the stack in {@code folder} cannot run here, as one line that names the fix, or empty
     * when everything it needs is there.
     */
    public Optional<String> missing(Path folder, Path root) {
        List<String> absent = new ArrayList<>();
        for (String c : commands) {
            if (Executables.find(c).isEmpty()) {
                absent.add("'" + c + "' on the PATH");
            }
        }
        if (!absent.isEmpty()) {
            // Nothing in the folder can be installed without the tools; name their fix first.
            return Optional.of("needs " + String.join(", ", absent)
                    + (installCommands.isEmpty() ? "" : "; install with: " + installCommands));
        }
        for (String f : files) {
            if (!Files.exists(folder.resolve(f))) {
                absent.add(f);
            }
        }
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        Path shown = folder.startsWith(root) ? root.relativize(folder) : folder;
        String fix = install.isEmpty() ? "" : "; install with: (cd " + (shown.toString().isEmpty() ? "." : shown)
                + " && " + install + ")";
        return Optional.of("needs " + String.join(", ", absent) + fix);
    }
}
