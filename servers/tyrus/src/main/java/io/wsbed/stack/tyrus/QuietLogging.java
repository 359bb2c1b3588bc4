package io.wsbed.stack.tyrus;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns Tyrus's and Grizzly's java.util.logging output down to WARNING. JUL's default console
 * handler already writes to stderr, so nothing of theirs can reach the event stream on stdout;
 * this only keeps INFO chatter ("Started listener bound to ...") out of the process logs.
 */
final class QuietLogging {
    /**
     * Held strongly on purpose: JUL keeps loggers by weak reference, and a level set on a logger
     * that was collected is silently lost.
     */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("org.glassfish.tyrus"),
            Logger.getLogger("org.glassfish.grizzly"));

    private QuietLogging() {
    }

    static void apply() {
        for (Logger logger : QUIETED) {
            logger.setLevel(Level.WARNING);
        }
    }
}
