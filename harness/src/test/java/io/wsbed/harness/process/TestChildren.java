package io.wsbed.harness.process;

import io.wsbed.harness.stack.StackDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child programs for the cleanup tests, run from this module's test classpath: one that follows
 * the contract (exits when stdin closes), one that hangs without ever reading stdin or printing
 * ready, and a parent that starts both through {@link ChildProcess} and waits to be interrupted.
 */
final class TestChildren {
    private TestChildren() {
    }

    /** Follows the contract: exits when stdin closes. */
    static final class StdinBound {
        public static void main(String[] args) throws IOException {
            while (System.in.read() >= 0) {
                // Commands are not the point here.
            }
            System.exit(0);
        }
    }

    /** A stack that hangs on start: never prints ready, never reads stdin. */
    static final class Hanging {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(600_000);
        }
    }

    /** Starts one child of each kind, prints their pids on one line, then sleeps. */
    static final class Parent {
        public static void main(String[] args) throws InterruptedException {
            Path logs = Path.of(args[0]);
            List<String> pids = new ArrayList<>();
            for (Class<?> main : List.of(StdinBound.class, Hanging.class)) {
                ChildProcess c = ChildProcess.start(main.getSimpleName(), javaCommand(main), logs, line -> { });
                pids.add(Long.toString(c.pid()));
            }
            System.out.println(String.join(" ", pids));
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    static List<String> javaCommand(Class<?> main) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), main.getName());
    }

    static StackDescriptor descriptor(Class<?> main) {
        return StackDescriptor.ofJava("test-" + main.getSimpleName().toLowerCase(java.util.Locale.ROOT),
                main.getSimpleName(), main.getName(), System.getProperty("java.class.path"), Path.of("."));
    }
}
