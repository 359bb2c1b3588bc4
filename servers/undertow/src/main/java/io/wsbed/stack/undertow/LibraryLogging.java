package io.wsbed.stack.undertow;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Undertow's and XNIO's logging (both go through JBoss Logging) on stderr at WARN or quieter.
 */
final class LibraryLogging {
    private static final String PROVIDER_PROPERTY = "org.jboss.logging.provider";

    private LibraryLogging() {
    }

    /**
     * Must run before the first Undertow or XNIO class logs: both announce themselves at INFO
     * ("XNIO version ...", "starting server ..."), which is noise for the harness.
     */
    static synchronized void quiet() {
        // Pin JBoss Logging to java.util.logging: it skips probing for other backends (faster start),
        // and JUL's default ConsoleHandler writes to System.err, never to the event stream.
        if (System.getProperty(PROVIDER_PROPERTY) == null) {
            System.setProperty(PROVIDER_PROPERTY, "jdk");
        }
        // The root logger is held strongly by the LogManager, so this level sticks for every logger
        // that has none of its own.
        Logger.getLogger("").setLevel(Level.WARNING);
    }
}
