package io.wsbed.stack.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.RecordingListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against the repository's socket.io server stack ({@code servers/socketio}), launched
 * the way the harness launches it: the {@code command} of its checked-in descriptor, run in its
 * folder. Skipped, with the reason, when that stack or its {@code node_modules} is not there.
 */
class SocketIoServerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern PORT = Pattern.compile("\"ev\":\"ready\".*\"port\":(\\d+)");

    private Process server;
    private SocketIoClientEngine client;

    @BeforeEach
    void startServer() throws Exception {
        Path folder = repositoryRoot().resolve("servers/socketio");
        Path descriptor = folder.resolve("wsbed-stack.properties");
        assumeTrue(Files.isRegularFile(descriptor), "no " + descriptor + ": the socket.io server stack is not in this checkout");
        assumeTrue(Files.isDirectory(folder.resolve("node_modules")),
                "no " + folder.resolve("node_modules") + ": run 'npm ci' in " + folder + " to test against a real socket.io server");
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(descriptor)) {
            p.load(in);
        }
        String command = p.getProperty("command");
        assumeTrue(command != null, descriptor + " has no command");
        List<String> argv = new ArrayList<>(List.of(command.trim().split(" +")));
        argv.addAll(List.of("server", "--host", "127.0.0.1", "--port", "0", "--path", "/ws", "--tick-ms", "100"));
        server = new ProcessBuilder(argv).directory(folder.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.getOutputStream().close();
            if (!server.waitFor(2, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "websocket,polling"})
    void pushesEchoesTransportAndTheClientsDisconnect(String transports) throws Exception {
        int port = awaitPort();
        client = new SocketIoClientEngine();
        client.start(new ClientOptions(URI.create("ws://127.0.0.1:" + port + "/ws"), 0, 0, 0,
                ClientOptions.Reconnect.NONE, -1, 5_000, 1, 1, transports.isEmpty() ? List.of() : List.of(transports.split(","))));
        RecordingListener listener = new RecordingListener("client");
        CompletableFuture<?> opened = client.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), listener);
        opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        String transport = listener.awaitMatch(e -> e.startsWith("transport:"), "a transport", WAIT);
        if (!transports.isEmpty()) {
            assertEquals("transport:websocket", transport, "websocket first: the session starts on websocket");
        }
        listener.awaitMatch(e -> e.startsWith("text:{\"seq\":"), "a push", WAIT);

        Connection connection = listener.awaitConnection(WAIT);
        RecordingListener.Outcome sent = new RecordingListener.Outcome();
        connection.sendText("{\"seq\":7}", sent);
        assertEquals("silent", sent.await(WAIT));
        listener.await("text:{\"echo\":7}", WAIT);

        connection.close(1000, "bye");
        listener.await("close:-1:io client disconnect", WAIT);
        assertEquals("open", listener.events().get(0), listener.events().toString());
    }

    private int awaitPort() throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = PORT.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the server ended without a ready line");
        });
        try {
            return port.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("the socket.io server printed no ready line with a port within " + WAIT);
        }
    }

    /** The folder with the root pom, found upwards from the module (Maven runs tests in the module's folder). */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("servers")) && Files.isDirectory(dir.resolve("clients")))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }
}
