package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ConfigTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Fills an nginx config template's {@code {{name}}} placeholders from {@link NginxSettings} and
 * the two loopback ports, and refuses to hand out a config with a placeholder left unfilled.
 */
public final class NginxConfigRenderer {
    /** The WebSocket reverse-proxy template, relative to the repository root. */
    public static final Path WEBSOCKET_PROXY_TEMPLATE = Path.of("nginx", "websocket-proxy.conf.template");

    // Both sides are pinned to loopback here, not in the caller: nothing may listen or connect elsewhere.
    private static final String LOOPBACK = "127.0.0.1";

    private final String template;
    private final String source;

    /**
     * @param template the template text
     * @param source where the text came from, for error messages
     */
    public NginxConfigRenderer(String template, String source) {
        this.template = Objects.requireNonNull(template, "template");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Reads the WebSocket reverse-proxy template from {@code <repoRoot>/nginx/}. */
    public static NginxConfigRenderer fromRepository(Path repoRoot) {
        Path file = repoRoot.resolve(WEBSOCKET_PROXY_TEMPLATE);
        try {
            return new NginxConfigRenderer(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw HarnessException.configuration("cannot read the nginx template " + file.toAbsolutePath()
                    + " (" + e.getMessage() + "); run from the repository root or pass its path");
        }
    }

    /** Renders the config for nginx listening on 127.0.0.1:listenPort in front of 127.0.0.1:upstreamPort. */
    public String render(NginxSettings settings, int listenPort, int upstreamPort) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("listen", LOOPBACK + ":" + requirePort("listenPort", listenPort)
                + (settings.tls().isPresent() ? " ssl" : ""));
        values.put("tls", settings.tls().map(NginxConfigRenderer::tlsDirectives)
                .orElse("# plain ws: no TLS on the client's side"));
        values.put("upstream", LOOPBACK + ":" + requirePort("upstreamPort", upstreamPort));
        values.put("proxy_read_timeout", nginxTime(settings.readTimeout()));
        values.put("proxy_send_timeout", nginxTime(settings.sendTimeout()));
        values.put("worker_shutdown_timeout", settings.workerShutdownTimeout()
                .map(d -> "worker_shutdown_timeout " + nginxTime(d) + ";")
                .orElse("# worker_shutdown_timeout not set: old workers drain without limit"));
        upgrade(settings.upgrade(), values);
        return fill(values);
    }

    /** The three lines that decide what an Upgrade request meets (an empty header value is not sent on). */
    private static void upgrade(NginxSettings.Upgrade mode, Map<String, String> values) {
        boolean strip = mode == NginxSettings.Upgrade.STRIP;
        values.put("upgrade_refusal", switch (mode) {
            case PASS -> "# upgrade: pass";
            case STRIP -> "# upgrade: strip (Upgrade and Connection are not sent to the upstream)";
            case FORBID -> "if ($http_upgrade) { return 403; }    # upgrade: forbid";
        });
        values.put("upgrade_header", strip ? "\"\"" : "$http_upgrade");
        values.put("connection_header", strip ? "\"\"" : "$connection_upgrade");
    }

    /** Replaces every known placeholder; fails naming the ones that have no value. */
    String fill(Map<String, String> values) {
        return new ConfigTemplate("nginx", template, source).fill(values);
    }

    // Absolute paths: nginx would resolve relative ones against its private prefix.
    private static String tlsDirectives(TlsCertificate c) {
        return "ssl_certificate " + c.certificate().toAbsolutePath() + ";\n"
                + "        ssl_certificate_key " + c.key().toAbsolutePath() + ";\n"
                + "        ssl_protocols TLSv1.2 TLSv1.3;";
    }

    static String nginxTime(Duration d) {
        return d.toMillis() + "ms";
    }

    private static int requirePort(String name, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 1..65535, got " + port);
        }
        return port;
    }
}
