package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An nginx executable that was found and answered {@code nginx -v}, with the version it printed.
 *
 * @param path absolute path of the executable
 * @param version the version number, e.g. {@code 1.22.1}
 */
public record NginxBinary(Path path, String version) {
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern VERSION = Pattern.compile("nginx version: [^/\\s]+/(\\S+)");

    public NginxBinary {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
    }

    /** Runs {@code <path> -v} (nginx prints its version on stderr) and reads the version. */
    public static NginxBinary probe(Path path) {
        Path out = null;
        try {
            out = Files.createTempFile("wsbed-nginx-version", ".txt");
            Process p = new ProcessBuilder(path.toString(), "-v")
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(VERSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new HarnessException(path + " -v did not answer within " + VERSION_TIMEOUT.toSeconds() + " s");
            }
            String printed = Files.readString(out, StandardCharsets.UTF_8).trim();
            Matcher m = VERSION.matcher(printed);
            if (p.exitValue() != 0 || !m.find()) {
                throw new HarnessException(path + " -v exited with " + p.exitValue()
                        + " and printed '" + printed + "'; is it nginx?");
            }
            return new NginxBinary(path.toAbsolutePath(), m.group(1));
        } catch (IOException e) {
            throw new HarnessException("could not run " + path + " -v: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while reading the nginx version", e);
        } finally {
            deleteQuietly(out);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stray temp file is not worth failing the lookup for.
        }
    }
}
