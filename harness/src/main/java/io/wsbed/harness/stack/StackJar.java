package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A stack's compiled classes as one jar: class-data sharing accepts only jars (and empty folders)
 * on a classpath, while the build's descriptor points at the classes folder. Rewritten when any
 * class file is newer than the jar.
 */
final class StackJar {
    private StackJar() {
    }

    /** The jar of {@code classesDir}, at {@code jar}, (re)written when stale. */
    static Path of(Path classesDir, Path jar) {
        try {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classesDir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            FileTime newest = FileTime.fromMillis(0);
            for (Path f : files) {
                FileTime t = Files.getLastModifiedTime(f);
                newest = t.compareTo(newest) > 0 ? t : newest;
            }
            if (Files.exists(jar) && Files.getLastModifiedTime(jar).compareTo(newest) >= 0) {
                return jar;
            }
            Files.createDirectories(jar.getParent());
            Path tmp = Files.createTempFile(jar.getParent(), "classes", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out)) {
                for (Path f : files) {
                    JarEntry e = new JarEntry(classesDir.relativize(f).toString().replace('\\', '/'));
                    e.setTime(Files.getLastModifiedTime(f).toMillis());
                    j.putNextEntry(e);
                    Files.copy(f, j);
                    j.closeEntry();
                }
            }
            return Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new HarnessException("cannot write " + jar + " from " + classesDir + ": " + e.getMessage(), e);
        }
    }
}
