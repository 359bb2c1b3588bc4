package io.wsbed.harness.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * A class-data-sharing archive (AppCDS) of one Java stack in one role: the classes that role loads
 * from launch to a session with messages flowing, parsed and laid out once, then mapped into every
 * later JVM of that stack and role. It changes nothing a stack does, only how fast its classes
 * load; the classpath it was made for (the stack's classes as one jar, then its dependencies) is
 * the one the stack then runs with, as CDS requires.
 *
 * @param file the archive
 * @param classpath the classpath the archive was dumped with
 */
public record StartArchive(Path file, String classpath) {

    /** The JVM flags that map the archive (a JVM that cannot map it starts without it, as before). */
    List<String> flags() {
        return List.of("-XX:SharedArchiveFile=" + file);
    }
}
