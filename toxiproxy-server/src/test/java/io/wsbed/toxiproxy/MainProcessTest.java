package io.wsbed.toxiproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main class as the harness launches it: a ready line, a config file, exit on stdin EOF. */
class MainProcessTest {

    @Test
    void printsReadyServesTheConfigAndExitsWhenStdinCloses(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("proxies.json");
        Files.writeString(config, "[{\"name\":\"configured\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\"}]");
        Process process = launch("--port", "0", "--seed", "1", "--config", config.toString(), "--exit-on-stdin-eof");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            JsonNode ready = new ObjectMapper().readTree(out.readLine());
            assertEquals("ready", ready.get("ev").asText());
            assertEquals(ToxiproxyServer.VERSION, ready.get("version").asText());
            assertTrue(ready.get("t").asLong() > 0);
            int port = ready.get("port").asInt();
            assertEquals("configured", new ToxiproxyClient("127.0.0.1", port).getProxy("configured").getName());

            process.getOutputStream().close();

            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the server exits once its stdin closes");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void badOptionExitsWithTwoAndOneLine() throws Exception {
        Process process = launch("--port", "nope");
        try {
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "a bad option exits at once");
            assertEquals(2, process.exitValue());
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, err.strip().lines().count(), err);
            assertTrue(err.contains("--port must be a number"), err);
        } finally {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Process launch(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ToxiproxyServerMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
