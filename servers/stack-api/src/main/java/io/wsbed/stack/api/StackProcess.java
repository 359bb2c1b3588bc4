package io.wsbed.stack.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A running stack process: starts the role, then reads commands from stdin until {@code stop} or
 * end of input. End of input means the harness is gone, so the process halts at once.
 */
final class StackProcess {
    /** Bound on the graceful stop: close handshakes that take longer are abandoned. */
    private static final long STOP_WAIT_MS = 2_000;

    /** What the command loop needs from a role. */
    interface Role {
        void start() throws Exception;

        SessionTable sessions();

        default void prepareStop() {
        }

        void closeEngine() throws Exception;
    }

    private final Role role;
    private final EventOut events;

    StackProcess(Role role, EventOut events) {
        this.role = role;
        this.events = events;
    }

    static ScheduledExecutorService timers() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wsbed-timers");
            t.setDaemon(true);
            return t;
        });
    }

    private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

    /**
     * Reads stdin on its own thread from now on: end of input exits at once, even while the role
     * is still starting; commands wait until {@link #started()}. The thread is not a daemon: it is
     * what keeps the process alive once the main thread has started the role.
     */
    void readCommandsInBackground(InputStream in) {
        Thread reader = new Thread(() -> commandLoop(in), "wsbed-commands");
        reader.setDaemon(false);
        reader.start();
    }

    /** The role is up: commands may run now. The calling (main) thread then ends. */
    void started() {
        started.countDown();
    }

    private void awaitStarted() {
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads and runs commands; returns only through {@link #exit(int)}. */
    void commandLoop(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null) {
                // The harness closed our stdin or died: leave no orphan behind.
                exit(0);
                return;
            }
            awaitStarted();
            try {
                run(line.strip());
            } catch (RuntimeException e) {
                System.err.println("command '" + line + "' failed: " + SessionTable.describe(e));
            }
        }
    }

    void run(String line) {
        if (line.isEmpty()) {
            return;
        }
        String[] words = line.split(" ", 3);
        switch (words[0]) {
            case "send" -> {
                if (words.length < 3) {
                    System.err.println("usage: send <session|*> <text>");
                    return;
                }
                for (Session s : role.sessions().select(words[1])) {
                    role.sessions().send(s, words[2]);
                }
            }
            case "close" -> close(line);
            case "stop" -> stop();
            default -> events.emit("error", "error", "UnknownCommand: '" + words[0] + "'; known: send, close, stop");
        }
    }

    private void close(String line) {
        String[] words = line.split(" ", 4);
        if (words.length < 3) {
            System.err.println("usage: close <session|*> <code> [reason]");
            return;
        }
        int code;
        try {
            code = Integer.parseInt(words[2]);
        } catch (NumberFormatException e) {
            System.err.println("close: code must be a number, got '" + words[2] + "'");
            return;
        }
        String reason = words.length > 3 ? words[3] : "";
        for (Session s : role.sessions().select(words[1])) {
            role.sessions().close(s, code, reason);
        }
    }

    /** Graceful stop: close every open session with 1001, wait (bounded), stop the engine, exit 0. */
    void stop() {
        role.prepareStop();
        List<Session> open = role.sessions().openSessions();
        for (Session s : open) {
            role.sessions().close(s, 1001, "going away");
        }
        long deadline = System.nanoTime() + STOP_WAIT_MS * 1_000_000;
        while (!role.sessions().openSessions().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            role.closeEngine();
        } catch (Exception e) {
            System.err.println("engine close failed: " + SessionTable.describe(e));
        }
        events.emit("stopped");
        exit(0);
    }

    /** Ends the process now, without waiting for library threads or shutdown hooks. */
    static void exit(int code) {
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
