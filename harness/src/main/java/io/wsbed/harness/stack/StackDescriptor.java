package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * One stack as its checked-in {@code wsbed-stack.properties} describes it (docs/contract.md,
 * "Descriptor"): id, name, roles, protocol family, how to launch it (a Java main class, or a
 * command in any language) and what it needs on the machine.
 *
 * @param folder the stack's folder, where the descriptor lives and the process runs
 */
public record StackDescriptor(String id, String name, List<String> roles, String protocol, Launcher launcher,
                              Prerequisites requires, Path folder) {
    /** The file name the harness looks for in every stack folder. */
    public static final String FILE = "wsbed-stack.properties";
    /** The protocol family of plain RFC 6455 WebSocket stacks. */
    public static final String WEBSOCKET = "websocket";
    private static final Set<String> KEYS = Set.of("id", "name", "roles", "protocol", "main", "command",
            "requires.commands", "requires.files", "install", "install.commands");
    private static final Set<String> ROLES = Set.of("server", "client");

    public StackDescriptor {
        roles = List.copyOf(roles);
    }

    /** Reads the descriptor in {@code folder}; any mistake is a one-line configuration error naming the file. */
    public static StackDescriptor read(Path folder) {
        Path file = folder.resolve(FILE);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw HarnessException.configuration("cannot read stack descriptor " + file + ": " + e.getMessage());
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw HarnessException.configuration("stack descriptor " + file + " has an unknown key '" + key
                        + "'; known: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String id = require(p, "id", file);
        if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw HarnessException.configuration("stack descriptor " + file + ": id '" + id
                    + "' must be lower case letters, digits, '.' and '-'");
        }
        List<String> roles = list(require(p, "roles", file));
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw HarnessException.configuration("stack descriptor " + file + ": role '" + role
                        + "' is not server or client");
            }
        }
        String protocol = Optional.ofNullable(p.getProperty("protocol")).map(String::strip).filter(s -> !s.isEmpty())
                .orElse(WEBSOCKET);
        String main = p.getProperty("main", "").strip();
        String command = p.getProperty("command", "").strip();
        Path dir = folder.toAbsolutePath().normalize();
        Launcher launcher;
        Prerequisites requires = new Prerequisites(list(p.getProperty("requires.commands", "")),
                list(p.getProperty("requires.files", "")), p.getProperty("install"), p.getProperty("install.commands"));
        if (!main.isEmpty() && !command.isEmpty()) {
            throw HarnessException.configuration("stack descriptor " + file + " has both 'main' and 'command'; keep one");
        } else if (!main.isEmpty()) {
            launcher = new JavaLauncher(main, dir);
            // A Java stack needs its build: the runtime classpath the build writes.
            List<String> files = new java.util.ArrayList<>(requires.files());
            files.add(JavaLauncher.CLASSPATH_FILE);
            requires = new Prerequisites(requires.commands(), files,
                    requires.install().isEmpty() ? "mvn -q -DskipTests package" : requires.install(), requires.installCommands());
        } else if (!command.isEmpty()) {
            launcher = new CommandLauncher(Arrays.asList(command.split("\\s+")), dir);
        } else {
            throw HarnessException.configuration("stack descriptor " + file
                    + " has no launch; add main=<Java main class> or command=<argv, e.g. node stack.js>");
        }
        return new StackDescriptor(id, require(p, "name", file), roles, protocol, launcher, requires, dir);
    }

    /** A Java stack on a known classpath, in both roles (tests launch their own main classes this way). */
    public static StackDescriptor ofJava(String id, String name, String mainClass, String classpath, Path folder) {
        return new StackDescriptor(id, name, List.of("server", "client"), WEBSOCKET,
                new JavaLauncher(mainClass, folder, classpath), Prerequisites.NONE, folder);
    }

    /** Why this stack cannot run on this machine (one line naming the fix), or empty. */
    public Optional<String> unavailable(Path root) {
        return requires.missing(folder, root.toAbsolutePath().normalize());
    }

    /** The Java launch, when this is a Java stack. */
    public Optional<JavaLauncher> java() {
        return launcher instanceof JavaLauncher j ? Optional.of(j) : Optional.empty();
    }

    private static String require(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw HarnessException.configuration("stack descriptor " + file + " lacks '" + key + "'");
        }
        return v.strip();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
