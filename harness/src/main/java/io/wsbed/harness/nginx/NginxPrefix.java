package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One private nginx prefix (a temp dir): the rendered config, and everything nginx writes (pid,
 * logs, temp files), so that nothing lands in /var or /run and runs never share a file.
 */
final class NginxPrefix {

    private final Path root;

    private NginxPrefix(Path root) {
        this.root = root;
    }

    static NginxPrefix create() {
        try {
            Path root = Files.createTempDirectory("wsbed-nginx-");
            // Workers drop to "nobody" when the master runs as root; they must be able to reach
            // the temp dirs nginx creates (0700, owned by the worker user) below the prefix.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
            Files.createDirectories(root.resolve("conf"));
            Files.createDirectories(root.resolve("logs"));
            Files.createDirectories(root.resolve("temp"));
            return new NginxPrefix(root);
        } catch (IOException e) {
            throw new HarnessException("cannot create a private nginx prefix: " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    Path config() {
        return root.resolve("conf/nginx.conf");
    }

    Path errorLog() {
        return root.resolve("logs/error.log");
    }

    Path accessLog() {
        return root.resolve("logs/access.log");
    }

    Path pidFile() {
        return root.resolve("logs/nginx.pid");
    }

    /** stdout and stderr of the watchdog, nginx and the {@code nginx -s} commands. */
    Path consoleLog() {
        return root.resolve("logs/console.log");
    }

    void writeConfig(String config) {
        try {
            Files.writeString(config(), config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException("cannot write " + config() + ": " + e.getMessage(), e);
        }
    }

    /** The master pid from nginx's pid file; nginx writes it once its listeners are bound. */
    OptionalLong readPid() {
        try {
            String text = Files.readString(pidFile(), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** What nginx wrote: the console output (the watchdog's, {@code nginx -s}'s), then the error log. */
    String output() {
        return read(consoleLog()) + read(errorLog());
    }

    /** Copies the config and the logs into the folder as nginx.conf, nginx-error.log, ... */
    List<Path> copyLogsTo(Path folder) {
        List<Path> copies = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            copy(config(), folder.resolve("nginx.conf"), copies);
            copy(errorLog(), folder.resolve("nginx-error.log"), copies);
            copy(accessLog(), folder.resolve("nginx-access.log"), copies);
            copy(consoleLog(), folder.resolve("nginx-console.log"), copies);
            return copies;
        } catch (IOException e) {
            throw new HarnessException("cannot copy the nginx logs from " + root + " to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to, List<Path> copies) throws IOException {
        if (Files.exists(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            copies.add(to);
        }
    }

    /** Deletes the prefix; nginx must be gone by then. */
    void delete() {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(NginxPrefix::deleteOne);
        } catch (IOException | UncheckedIOException e) {
            throw new HarnessException("cannot delete the nginx prefix " + root + ": " + e.getMessage(), e);
        }
    }

    private static void deleteOne(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path log) {
        try {
            // Logs may hold bytes from the network (request lines): decode leniently.
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
