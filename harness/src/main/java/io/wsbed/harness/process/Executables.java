package io.wsbed.harness.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a program as a shell would, in each PATH directory, then in the system directories a
 * non-root PATH often lacks although Debian installs tools there (setsid, tcpdump).
 */
public final class Executables {
    private static final List<Path> SYSTEM_DIRS = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"),
            Path.of("/usr/bin"), Path.of("/sbin"), Path.of("/bin"));

    private Executables() {
    }

    /** The first executable file called {@code name} on PATH or in the system directories. */
    public static Optional<Path> find(String name) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        for (String entry : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                dirs.add(Path.of(entry));
            }
        }
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream().map(d -> d.resolve(name)).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }
}
