package io.wsbed.harness.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processes of a container as its {@code /proc/<pid>/stat} files describe them, read with
 * one exec: the container's pids are not the host's, and an image need not ship ps.
 */
final class ContainerProcesses {
    /** The command that prints every process's stat line (a vanished pid is just skipped). */
    static final String[] LIST_COMMAND = {"sh", "-c", "cat /proc/[0-9]*/stat 2>/dev/null; true"};

    /** One stat line: pid, command name, parent pid. */
    record Stat(long pid, String comm, long ppid) {
    }

    private ContainerProcesses() {
    }

    /** Parses {@code cat /proc/[0-9]* /stat} output; lines that are not stat lines are skipped. */
    static List<Stat> parse(String output) {
        List<Stat> all = new ArrayList<>();
        for (String line : output.split("\n")) {
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so cut at the last ')'.
            int open = line.indexOf(" (");
            int close = line.lastIndexOf(')');
            if (open <= 0 || close < open) {
                continue;
            }
            String[] rest = line.substring(close + 1).strip().split(" ");
            try {
                all.add(new Stat(Long.parseLong(line.substring(0, open).strip()), line.substring(open + 2, close),
                        Long.parseLong(rest[1])));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // A torn or foreign line: not a process we care about.
            }
        }
        return all;
    }

    /** The pids of {@code parent}'s children named {@code comm} (nginx's workers of its master). */
    static Set<Long> children(List<Stat> all, long parent, String comm) {
        Set<Long> pids = new TreeSet<>();
        for (Stat s : all) {
            if (s.ppid() == parent && s.comm().equals(comm)) {
                pids.add(s.pid());
            }
        }
        return pids;
    }
}
