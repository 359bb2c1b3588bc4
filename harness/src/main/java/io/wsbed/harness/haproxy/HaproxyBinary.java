package io.wsbed.harness.haproxy;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.Executables;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The haproxy executable of this machine (PATH, then /usr/sbin where Debian puts it) and the
 * version its {@code -v} printed. Looked up once per JVM; when there is none, cells that need it
 * are SKIPPED with {@link #MISSING_REASON}.
 *
 * @param path absolute path of the executable
 * @param version e.g. {@code 2.6.12-1+deb12u3}
 */
public record HaproxyBinary(Path path, String version) {
    /** Why a cell that needs HAProxy is SKIPPED here, with the install line. */
    public static final String MISSING_REASON = "haproxy not found on PATH or in /usr/sbin: apt-get install -y haproxy";
    private static final Pattern VERSION = Pattern.compile("HAProxy version (\\S+)");
    private static final long VERSION_TIMEOUT_MS = 10_000;
    private static volatile Optional<HaproxyBinary> local;

    /** This machine's haproxy, probed on first use. */
    public static Optional<HaproxyBinary> local() {
        Optional<HaproxyBinary> found = local;
        if (found == null) {
            synchronized (HaproxyBinary.class) {
                if (local == null) {
                    local = Executables.find("haproxy").map(HaproxyBinary::probe);
                }
                found = local;
            }
        }
        return found;
    }

    /** What the run header says: "2.6.12 (/usr/sbin/haproxy)" or the missing reason. */
    public static String describeLocal() {
        return local().map(b -> b.version() + " (" + b.path() + ")").orElse(MISSING_REASON);
    }

    /** Runs {@code <path> -v} and reads the version from its first line. */
    static HaproxyBinary probe(Path path) {
        try {
            Process p = new ProcessBuilder(path.toString(), "-v").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String printed;
            try (InputStream out = p.getInputStream()) {
                // -v prints a few lines and exits: reading to the end is bounded by its exit.
                printed = new String(out.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(VERSION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new HarnessException(path + " -v did not exit within " + VERSION_TIMEOUT_MS + " ms");
            }
            Matcher m = VERSION.matcher(printed);
            if (p.exitValue() != 0 || !m.find()) {
                throw new HarnessException(path + " -v exited with " + p.exitValue() + " and printed '"
                        + printed.strip() + "'; is it HAProxy?");
            }
            return new HaproxyBinary(path.toAbsolutePath(), m.group(1));
        } catch (IOException e) {
            throw new HarnessException("cannot run " + path + " -v: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while asking haproxy for its version", e);
        }
    }
}
