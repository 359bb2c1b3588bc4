package io.wsbed.harness.replay;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * How the recorder, the proxy and the replay server start and end their threads and sockets: every
 * thread a daemon (it can never keep the JVM alive), every join bounded, every close quiet (closing
 * is what ends the session; a second close or one on a reset socket has nothing left to report).
 */
final class Lifecycle {
    private Lifecycle() {
    }

    /** A daemon thread, not yet started. */
    static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** Waits at most {@code max} for a thread to end. */
    static void join(Thread t, Duration max) {
        try {
            t.join(Math.max(1, max.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Already closed or reset: nothing more to do.
        }
    }
}
