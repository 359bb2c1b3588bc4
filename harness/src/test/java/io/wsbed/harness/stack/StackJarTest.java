package io.wsbed.harness.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A classes folder becomes one jar for class-data sharing, and a newer class file makes it again. */
class StackJarTest {

    @Test
    void aFolderBecomesAJarThatFollowsItsClasses(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/io/wsbed"));
        Files.write(classes.resolve("A.class"), new byte[] {1, 2, 3});
        Path jar = StackJar.of(dir.resolve("classes"), dir.resolve("cds/classes.jar"));
        assertEquals(List.of("io/wsbed/A.class"), entries(jar));
        FileTime made = Files.getLastModifiedTime(jar);

        assertEquals(jar, StackJar.of(dir.resolve("classes"), jar));
        assertEquals(made, Files.getLastModifiedTime(jar), "nothing changed: the jar is kept");

        Files.write(classes.resolve("B.class"), new byte[] {4});
        Files.setLastModifiedTime(classes.resolve("B.class"), FileTime.fromMillis(made.toMillis() + 5_000));
        StackJar.of(dir.resolve("classes"), jar);
        assertEquals(List.of("io/wsbed/A.class", "io/wsbed/B.class"), entries(jar));
        assertTrue(Files.getLastModifiedTime(jar).compareTo(made) > 0);
    }

    private static List<String> entries(Path jar) throws Exception {
        List<String> out = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            j.stream().forEach(e -> out.add(e.getName()));
        }
        return out;
    }
}
