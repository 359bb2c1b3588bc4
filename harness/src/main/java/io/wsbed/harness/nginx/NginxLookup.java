package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of looking for nginx: the binary, or the reason a cell that needs it is SKIPPED.
 *
 * <p>Search order: the configured path ({@code wsbed.nginx.bin}) when set, else {@code nginx} in
 * each PATH directory, then in {@code /usr/sbin} and {@code /usr/local/sbin}, which are often
 * missing from a non-root PATH although Debian installs nginx there.
 */
public final class NginxLookup {
    /** The reason given when no nginx is found; callers mark their cells SKIPPED with it. */
    public static final String MISSING_REASON =
            "nginx not found: install the nginx package or set wsbed.nginx.bin";

    private static final List<Path> SBIN_DIRS = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));

    private final NginxBinary binary;

    private NginxLookup(NginxBinary binary) {
        this.binary = binary;
    }

    /**
     * Finds nginx. A configured path that is not an executable file is a configuration error (a
     * typo must not silently skip every nginx cell); {@code null} or blank means "search".
     */
    public static NginxLookup locate(String configuredPath) {
        return locate(configuredPath, searchDirs(System.getenv("PATH")));
    }

    static NginxLookup locate(String configuredPath, List<Path> searchDirs) {
        if (configuredPath != null && !configuredPath.isBlank()) {
            Path configured = Path.of(configuredPath.trim());
            if (!isExecutableFile(configured)) {
                throw HarnessException.configuration("wsbed.nginx.bin=" + configuredPath
                        + " is not an executable file; point it at the nginx binary or leave it unset to use nginx from PATH");
            }
            return new NginxLookup(NginxBinary.probe(configured));
        }
        for (Path dir : searchDirs) {
            Path candidate = dir.resolve("nginx");
            if (isExecutableFile(candidate)) {
                return new NginxLookup(NginxBinary.probe(candidate));
            }
        }
        return new NginxLookup(null);
    }

    static List<Path> searchDirs(String pathVariable) {
        List<Path> dirs = new ArrayList<>();
        if (pathVariable != null) {
            for (String entry : pathVariable.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        for (Path sbin : SBIN_DIRS) {
            if (!dirs.contains(sbin)) {
                dirs.add(sbin);
            }
        }
        return dirs;
    }

    private static boolean isExecutableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    public boolean found() {
        return binary != null;
    }

    /** The binary; only call when {@link #found()}. */
    public NginxBinary binary() {
        if (binary == null) {
            throw new HarnessException(MISSING_REASON);
        }
        return binary;
    }

    /** Empty when found, else {@link #MISSING_REASON}. */
    public Optional<String> skipReason() {
        return found() ? Optional.empty() : Optional.of(MISSING_REASON);
    }

    @Override
    public String toString() {
        return found() ? "nginx " + binary.version() + " at " + binary.path() : MISSING_REASON;
    }
}
