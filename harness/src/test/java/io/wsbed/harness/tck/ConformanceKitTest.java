package io.wsbed.harness.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.stack.StackCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit fails a stack that breaks the contract, each check with what it saw: a shell script
 * that lies in its info line, accepts any option, announces a port nobody listens on, never opens a
 * session, and leaves a child behind on stdin EOF, which the harness kills all the same. (Every
 * real stack passes it in mvn verify.)
 */
class ConformanceKitTest {
    @TempDir
    Path root;

    private static final String LIAR = String.join("\n",
            "#!/bin/sh",
            "now() { echo $(($(date +%s) * 1000000)); }",
            "case \"$1\" in",
            "  info) echo \"{\\\"t\\\":$(now),\\\"ev\\\":\\\"info\\\",\\\"contract\\\":2,\\\"protocol\\\":\\\"fake\\\","
                    + "\\\"stack\\\":\\\"liar\\\",\\\"name\\\":\\\"Liar\\\",\\\"version\\\":\\\"0\\\","
                    + "\\\"roles\\\":\\\"server\\\",\\\"heartbeat\\\":\\\"none\\\",\\\"send_api\\\":\\\"x\\\"}\"; exit 0;;",
            "esac",
            "[ \"$2\" = --no-such-option ] && exit 0",
            "sleep 31.7 &",
            "echo \"{\\\"t\\\":$(now),\\\"ev\\\":\\\"ready\\\",\\\"port\\\":1,\\\"role\\\":\\\"$1\\\"}\"",
            "while read -r line; do :; done",
            "");

    @Test
    void aStackThatBreaksTheContractFailsEachCheckWithWhatItSaw() throws Exception {
        Path folder = Files.createDirectories(root.resolve("servers").resolve("liar"));
        Files.writeString(folder.resolve("stack.sh"), LIAR);
        Files.writeString(folder.resolve("wsbed-stack.properties"), String.join("\n", "id=liar", "name=Liar",
                "roles=server,client", "protocol=fake", "command=sh stack.sh", ""));
        StackCatalog catalog = StackCatalog.discover(root);

        List<KitCheck> checks = ConformanceKit.run(catalog, "liar", "none", "none", root.resolve("logs"),
                Duration.ofSeconds(10), Duration.ofMillis(800));
        Map<String, KitCheck> byName = checks.stream().collect(Collectors.toMap(KitCheck::name, c -> c));

        KitCheck info = byName.get("info: one line with the contract's fields");
        assertEquals(KitCheck.Status.FAIL, info.status());
        assertTrue(info.detail().contains("contract is '2', expected '1'"), info.detail());
        assertTrue(info.detail().contains("roles is 'server', expected 'server,client'"), info.detail());
        assertTrue(info.detail().contains("builtin_reconnect is not true or false"), info.detail());
        assertEquals("exit 0, stderr ''", byName.get("a bad option exits 2 with a message on stderr").detail());
        KitCheck port = byName.get("server: ready with a real port");
        assertEquals(KitCheck.Status.FAIL, port.status());
        assertTrue(port.detail().startsWith("ready says port 1, which accepts no connection"), port.detail());
        assertEquals(KitCheck.Status.FAIL, byName.get("server: open").status());
        KitCheck eof = byName.get("server: exits within 1000 ms of stdin EOF, no child left");
        assertEquals(KitCheck.Status.FAIL, eof.status());
        // "left children" as a rule; a machine slow enough to take a second over a shell's exit says so instead.
        assertTrue(eof.detail().contains("left children") || eof.detail().startsWith("still running"), eof.detail());
        assertTrue(checks.stream().noneMatch(c -> c.status() == KitCheck.Status.PASS && !c.name().endsWith(": ready")),
                "nothing else passes: " + checks);
        assertTrue(noneLeft(Duration.ofSeconds(5)), "the children the liar left behind were killed");
    }

    private static boolean noneLeft(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").equals("sleep 31.7"))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
