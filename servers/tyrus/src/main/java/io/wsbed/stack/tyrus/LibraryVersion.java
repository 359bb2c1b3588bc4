package io.wsbed.stack.tyrus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;

/** Reads the Tyrus version from the tyrus-core jar on the class path. */
final class LibraryVersion {
    /**
     * Tyrus has no version class and its manifests carry no Implementation-Version (only the OSGi
     * Bundle-Version), so the Maven descriptor that every Tyrus jar ships is the reliable source.
     */
    private static final String POM_PROPERTIES = "/META-INF/maven/org.glassfish.tyrus/tyrus-core/pom.properties";

    private LibraryVersion() {
    }

    static String tyrus() {
        try (InputStream in = TyrusWebSocketEngine.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("tyrus-core jar has no " + POM_PROPERTIES
                        + "; cannot tell its version");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + POM_PROPERTIES, e);
        }
    }
}
