package io.wsbed.harness.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/**
 * Readiness of a host-networked container: with host networking Docker maps no ports, so
 * Testcontainers' port-based waits have nothing to look at; this one polls 127.0.0.1:port of the
 * host directly (HTTP 200 on a path) and fails fast when the container exited or logged a line
 * that means it never will be ready. (nginx, local or not, has its own wait in NginxLifecycle.)
 */
public final class LoopbackWait implements WaitStrategy {
    private static final Duration POLL = Duration.ofMillis(25);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(250);

    /** Thrown when the container logged the fatal text (e.g. its port was taken). */
    public static final class FatalLine extends ContainerLaunchException {
        FatalLine(String message) {
            super(message);
        }
    }

    private final int port;
    private final String httpPath;
    private final String fatalText;
    private Duration timeout = Duration.ofSeconds(30);

    private LoopbackWait(int port, String httpPath, String fatalText) {
        this.port = port;
        this.httpPath = Objects.requireNonNull(httpPath, "httpPath");
        this.fatalText = fatalText;
    }

    /** Ready once GET http://127.0.0.1:port{path} answers 200. */
    public static LoopbackWait forHttp(int port, String path, String fatalText) {
        return new LoopbackWait(port, path, fatalText);
    }

    @Override
    public LoopbackWait withStartupTimeout(Duration startupTimeout) {
        this.timeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
        return this;
    }

    @Override
    public void waitUntilReady(WaitStrategyTarget target) {
        await(target::isRunning, target::getLogs, target.getContainerId());
    }

    /** The polling itself, with the container's state and logs as plain functions (tests). */
    void await(BooleanSupplier running, Supplier<String> logs, String container) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            if (fatalText != null && logs.get().toLowerCase(Locale.ROOT).contains(fatalText.toLowerCase(Locale.ROOT))) {
                throw new FatalLine("container " + shortId(container) + " logged '" + fatalText + "' while starting");
            }
            if (http200()) {
                return;
            }
            if (!running.getAsBoolean()) {
                throw new ContainerLaunchException("container " + shortId(container) + " exited before 127.0.0.1:"
                        + port + " answered; its output:\n" + tail(logs.get()));
            }
            if (System.nanoTime() > deadline) {
                throw new ContainerLaunchException("container " + shortId(container) + " did not answer on "
                        + describe() + " within " + timeout.toMillis() + " ms; its output:\n" + tail(logs.get()));
            }
            sleep();
        }
        throw new ContainerLaunchException("interrupted while waiting for " + describe());
    }

    private String describe() {
        return "http://127.0.0.1:" + port + httpPath;
    }

    private boolean http200() {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL("http", "127.0.0.1", port, httpPath).openConnection();
            c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            c.setReadTimeout((int) CONNECT_TIMEOUT.toMillis() * 4);
            int status = c.getResponseCode();
            try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    static String tail(String logs) {
        String[] lines = logs.strip().split("\n");
        int from = Math.max(0, lines.length - 15);
        StringBuilder out = new StringBuilder();
        for (int i = from; i < lines.length; i++) {
            out.append("    ").append(lines[i]).append('\n');
        }
        return out.length() == 0 ? "    (nothing)\n" : out.toString();
    }

    static String shortId(String id) {
        return id == null ? "(not created)" : id.substring(0, Math.min(12, id.length()));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
