package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/io/wsbed/harness/report/golden/. A writer's output must
 * equal its golden file byte for byte; after an intended change, rewrite them with
 * {@code mvn -pl harness test -Dwsbed.golden.update=true} and review the diff before committing.
 */
public final class Golden {
    private static final String BASE = "/io/wsbed/harness/report/golden/";

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("wsbed.golden.update")) {
            Path file = Path.of("src/test/resources" + BASE + name);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update the golden file " + file, e);
            }
            return;
        }
        String expected = read(name);
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int line = 0;
        while (line < Math.min(e.length, a.length) && e[line].equals(a[line])) {
            line++;
        }
        fail("output differs from golden file " + name + " at line " + (line + 1) + ":\n  expected: "
                + (line < e.length ? clip(e[line]) : "<end of file>") + "\n  actual:   "
                + (line < a.length ? clip(a[line]) : "<end of file>")
                + "\nIf the change is intended: mvn -pl harness test -Dwsbed.golden.update=true, and review the diff.");
    }

    public static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new AssertionError("golden file " + name + " is missing; create it with -Dwsbed.golden.update=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
