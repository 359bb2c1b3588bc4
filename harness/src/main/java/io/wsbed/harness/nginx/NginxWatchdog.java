package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell wrapper nginx runs under, so that nginx dies with the JVM that started it.
 *
 * <p>nginx ignores its stdin and its workers survive a killed master, so neither "EOF on stdin"
 * nor killing one pid is enough. The wrapper runs under {@code setsid} (its own process group,
 * which nginx in foreground mode keeps for master and workers), holds the stdin pipe from the JVM
 * and SIGKILLs the whole group when that pipe reaches EOF: the kernel closes it when the JVM
 * exits for any reason, SIGKILL included, and {@link NginxLaunch#kill()} closes it on purpose.
 */
final class NginxWatchdog {
    static final String FILE_NAME = "watchdog.sh";

    // POSIX sh (dash on Debian). fd 3 keeps the JVM pipe, because an asynchronous list in a
    // non-interactive shell gets /dev/null as stdin. "kill 0" signals our own process group,
    // hence the guard that we really lead one: without setsid it would hit the JVM's group.
    static final String SCRIPT = """
            #!/bin/sh
            # wsbed nginx watchdog: runs "$@" (nginx in the foreground) in this process group and
            # kills the whole group when stdin (a pipe from the harness JVM) reaches EOF.
            read -r _ _ _ _ group _ < /proc/$$/stat
            if [ "$group" != "$$" ]; then
              echo "wsbed watchdog: must lead its own process group (start it under setsid)" >&2
              exit 3
            fi
            exec 3<&0
            "$@" </dev/null 3<&- &
            child=$!
            ( while read -r _ <&3; do :; done; kill -s KILL 0 ) </dev/null &
            exec 3<&-
            wait "$child"
            status=$?
            # nginx exited by itself: take the watchdog and any orphaned worker with it, spare us.
            trap '' TERM
            kill -s TERM 0 2>/dev/null
            exit "$status"
            """;

    private static final List<Path> SETSID_DIRS = List.of(Path.of("/usr/bin"), Path.of("/bin"));

    private NginxWatchdog() {
    }

    /** Writes the script into the prefix and returns the command that runs nginxCommand under it. */
    static List<String> wrap(Path prefix, List<String> nginxCommand) {
        Path script = prefix.resolve(FILE_NAME);
        try {
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException("cannot write the nginx watchdog " + script + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(setsid().toString());
        command.add("sh");
        command.add(script.toString());
        command.addAll(nginxCommand);
        return command;
    }

    private static Path setsid() {
        List<Path> dirs = NginxLookup.searchDirs(System.getenv("PATH"));
        dirs.addAll(SETSID_DIRS);
        for (Path dir : dirs) {
            Path candidate = dir.resolve("setsid");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new HarnessException("setsid not found (package util-linux): the nginx watchdog needs it"
                + " to give nginx its own process group");
    }
}
