package io.wsbed.stack.tomcat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns Tomcat's logging down to WARNING. Embedded Tomcat logs through JULI to java.util.logging,
 * whose default console handler writes to stderr, so nothing of Tomcat's reaches the event stream
 * on stdout; this only keeps the INFO start-up lines ("Starting ProtocolHandler ...") out of the
 * process logs.
 */
final class QuietLogging {
    /** Held strongly: JUL keeps loggers by weak reference, and a level set on a collected one is lost. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.apache"));

    private QuietLogging() {
    }

    static void apply() {
        for (Logger logger : QUIETED) {
            logger.setLevel(Level.WARNING);
        }
    }
}
