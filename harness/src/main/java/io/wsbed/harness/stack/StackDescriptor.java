package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the build wrote about one stack module: its id, display name, main class and runtime
 * classpath (target/wsbed/stack.properties and target/wsbed/classpath.txt).
 */
public record StackDescriptor(String id, String name, String mainClass, String classpath, Path moduleDir) {

    /** Reads the descriptor of the module whose build folder holds {@code wsbedDir}. */
    public static StackDescriptor read(Path wsbedDir) {
        Path props = wsbedDir.resolve("stack.properties");
        Path cp = wsbedDir.resolve("classpath.txt");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            p.load(r);
            String deps = Files.exists(cp) ? Files.readString(cp, StandardCharsets.UTF_8).strip() : "";
            String classes = require(p, "classes", props);
            String classpath = deps.isEmpty() ? classes : classes + java.io.File.pathSeparator + deps;
            Path moduleDir = wsbedDir.getParent().getParent();
            return new StackDescriptor(require(p, "id", props), require(p, "name", props), require(p, "main", props),
                    classpath, moduleDir);
        } catch (IOException e) {
            throw new HarnessException("cannot read stack descriptor " + props + ": " + e.getMessage(), e);
        }
    }

    private static String require(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new HarnessException("stack descriptor " + file + " lacks '" + key + "'");
        }
        return v.strip();
    }
}
