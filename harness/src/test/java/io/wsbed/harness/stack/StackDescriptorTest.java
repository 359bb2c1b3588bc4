package io.wsbed.harness.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading checked-in descriptors: both launches, prerequisites, and a one-line error for each mistake. */
class StackDescriptorTest {
    @TempDir
    Path root;
    @TempDir
    Path elsewhere;

    @Test
    void aCommandStackRunsItsArgvFromItsOwnFolder() throws Exception {
        Path folder = stack("ws", "id=ws", "name=ws (Node)", "roles=server,client", "protocol=websocket",
                "command=node stack.js", "requires.commands=sh", "requires.files=node_modules", "install=npm ci");
        StackDescriptor d = StackDescriptor.read(folder);
        assertEquals(List.of("server", "client"), d.roles());
        assertEquals(List.of("node", "stack.js", "client", "--url", "ws://127.0.0.1:1/ws"),
                d.launcher().command(List.of("client", "--url", "ws://127.0.0.1:1/ws")));
        assertEquals(folder.toAbsolutePath().normalize(), d.launcher().workDir());
        assertEquals("needs node_modules; install with: (cd servers/ws && npm ci)", d.unavailable(root).orElseThrow());
        Files.createDirectory(folder.resolve("node_modules"));
        assertTrue(d.unavailable(root).isEmpty(), "everything it needs is there");
    }

    @Test
    void aMissingToolIsNamedWithItsOwnInstallLineBeforeAnyFile() throws Exception {
        Path folder = stack("ws", "id=ws", "name=ws", "roles=server", "command=no-such-node-here stack.js",
                "requires.commands=no-such-node-here", "requires.files=node_modules", "install=npm ci",
                "install.commands=apt-get install -y nodejs npm");
        assertEquals("needs 'no-such-node-here' on the PATH; install with: apt-get install -y nodejs npm",
                StackDescriptor.read(folder).unavailable(root).orElseThrow());
    }

    @Test
    void aJavaStackNeedsItsBuildAndRunsItsMainOnTheBuiltClasspath() throws Exception {
        Path folder = stack("jetty", "id=jetty", "name=Jetty", "roles=server,client", "main=io.example.Main");
        StackDescriptor d = StackDescriptor.read(folder);
        assertEquals("needs target/wsbed/classpath.txt; install with: (cd servers/jetty && mvn -q -DskipTests package)",
                d.unavailable(root).orElseThrow());
        Files.createDirectories(folder.resolve("target/wsbed"));
        Files.writeString(folder.resolve("target/wsbed/classpath.txt"), "/libs/a.jar\n");
        assertTrue(d.unavailable(root).isEmpty());
        List<String> cmd = d.launcher().command(List.of("info"));
        assertEquals(List.of("-cp", folder.toAbsolutePath().normalize().resolve("target/classes") + ":/libs/a.jar",
                "io.example.Main", "info"), cmd.subList(cmd.size() - 4, cmd.size()));
    }

    @Test
    void eachMistakeIsOneLineThatNamesTheFile() throws Exception {
        Map<String, String> cases = Map.of(
                "no launch", "has no launch; add main=<Java main class> or command=<argv, e.g. node stack.js>",
                "both launches", "has both 'main' and 'command'; keep one",
                "no roles", "lacks 'roles'",
                "bad role", "role 'browser' is not server or client",
                "unknown key", "has an unknown key 'comand'");
        Map<String, List<String>> lines = Map.of(
                "no launch", List.of("id=x", "name=X", "roles=server"),
                "both launches", List.of("id=x", "name=X", "roles=server", "main=a.B", "command=node x.js"),
                "no roles", List.of("id=x", "name=X", "command=node x.js"),
                "bad role", List.of("id=x", "name=X", "roles=browser", "command=node x.js"),
                "unknown key", List.of("id=x", "name=X", "roles=server", "comand=node x.js"));
        for (var c : cases.entrySet()) {
            Path folder = stack(c.getKey().replace(' ', '-'), lines.get(c.getKey()).toArray(String[]::new));
            var e = assertThrows(ConfigurationException.class, () -> StackDescriptor.read(folder), c.getKey());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains(folder.resolve(StackDescriptor.FILE).toString()), e.getMessage());
            assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + ": " + e.getMessage());
        }
    }

    @Test
    void extraFoldersAreSearchedAndAnUnavailableStackIsDescribedWithoutLaunching() throws Exception {
        Path py = Files.createDirectories(elsewhere.resolve("py"));
        Files.writeString(py.resolve(StackDescriptor.FILE), String.join("\n", "id=py", "name=Python", "roles=server",
                "command=python3 stack.py", "requires.files=venv", "install=python3 -m venv venv", ""));
        stack("ws", "id=ws", "name=ws", "roles=server,client", "command=node stack.js", "requires.files=node_modules");
        StackCatalog catalog = StackCatalog.discover(root, List.of(elsewhere));
        assertEquals(List.of("py", "ws"), catalog.ids());
        Map<String, StackInfo> infos = catalog.describe(List.of("py"), root.resolve("logs"));
        StackInfo info = infos.get("py");
        assertEquals("needs venv; install with: (cd " + py.toAbsolutePath().normalize() + " && python3 -m venv venv)",
                info.unavailable());
        assertEquals(List.of("server"), info.roles());
    }

    private Path stack(String name, String... lines) throws Exception {
        Path folder = Files.createDirectories(root.resolve("servers").resolve(name));
        Files.writeString(folder.resolve(StackDescriptor.FILE), String.join("\n", lines) + "\n");
        return folder;
    }
}
