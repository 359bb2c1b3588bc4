package io.wsbed.harness.infra;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.wsbed.harness.HarnessException;
import io.wsbed.harness.nginx.NginxConfigRenderer;
import io.wsbed.harness.nginx.NginxLifecycle;
import io.wsbed.harness.nginx.NginxLookup;
import io.wsbed.harness.nginx.NginxProcess;
import io.wsbed.harness.nginx.NginxSettings;
import io.wsbed.harness.nginx.TlsCertificate;
import io.wsbed.toxiproxy.ToxiproxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * nginx from this machine (PATH or wsbed.nginx.bin), rendered from the repository's templates;
 * Toxiproxy from wsbed.toxiproxy.url when set, else the embedded server started in this JVM on
 * first use.
 */
public final class LocalInfrastructure implements Infrastructure {
    private final NginxLookup nginx;
    private final Path root;
    private final URI toxiproxyUrl;
    private final long seed;
    private ToxiproxyServer embedded;
    private ToxiproxyAccess toxiproxy;
    private Path tlsFolder;
    private TlsCertificate tls;

    public LocalInfrastructure(Path root, String nginxBin, URI toxiproxyUrl, long seed) {
        this.root = root;
        this.nginx = NginxLookup.locate(nginxBin);
        this.toxiproxyUrl = toxiproxyUrl;
        this.seed = seed;
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nginx", nginx.found() ? nginx.binary().version() + " (" + nginx.binary().path() + ")" : nginx.toString());
        m.put("haproxy", io.wsbed.harness.haproxy.HaproxyBinary.describeLocal());
        m.put("toxiproxy", toxiproxyUrl != null ? "external " + toxiproxyUrl
                : "embedded wsbed server " + ToxiproxyServer.VERSION + " (in the harness JVM)");
        return m;
    }

    @Override
    public Optional<String> nginxMissing() {
        return nginx.skipReason();
    }

    @Override
    public Optional<String> wssMissing() {
        return nginxMissing().or(TlsCertificate::opensslMissing);
    }

    /** Made once per run, in a temporary folder deleted when the run ends. */
    @Override
    public synchronized TlsCertificate tlsCertificate() {
        if (tls == null) {
            try {
                tlsFolder = Files.createTempDirectory("wsbed-tls-");
            } catch (IOException e) {
                throw new HarnessException("cannot make a folder for the wss certificate: " + e.getMessage(), e);
            }
            tls = TlsCertificate.make(tlsFolder);
        }
        return tls;
    }

    @Override
    public NginxProxy startNginx(NginxSettings settings, int upstreamPort, Path logDir) {
        return new LifecycleProxy(NginxLifecycle.start(NginxProcess.runtime(nginx.binary()),
                NginxConfigRenderer.fromRepository(root), settings, upstreamPort, logDir));
    }

    @Override
    public synchronized ToxiproxyAccess toxiproxy() {
        if (toxiproxy == null) {
            if (toxiproxyUrl != null) {
                ToxiproxyClient client = new ToxiproxyClient(toxiproxyUrl.getHost(), toxiproxyUrl.getPort());
                String version = version(client);
                toxiproxy = new ToxiproxyAccess(client, "127.0.0.1", "127.0.0.1",
                        "toxiproxy-server " + version + " at " + toxiproxyUrl);
            } else {
                embedded = ToxiproxyServer.start("127.0.0.1", 0, seed);
                toxiproxy = new ToxiproxyAccess(new ToxiproxyClient("127.0.0.1", embedded.port()), "127.0.0.1",
                        "127.0.0.1", "embedded " + ToxiproxyServer.VERSION + " at " + embedded.url());
            }
        }
        return toxiproxy;
    }

    /** Deletes a folder of plain files (the certificate's); what cannot be deleted stays in the temp area. */
    private static void deleteFlat(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> f.toFile().delete());
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Left in the temp area: a key for a one-day certificate of 127.0.0.1.
        }
    }

    private static String version(ToxiproxyClient client) {
        try {
            return client.version();
        } catch (IOException e) {
            throw new HarnessException("the Toxiproxy server at wsbed.toxiproxy.url does not answer (" + e.getMessage()
                    + "); start it or unset wsbed.toxiproxy.url to use the embedded server");
        }
    }

    @Override
    public synchronized void close() {
        // nginx instances belong to their cells and are closed there.
        if (tlsFolder != null) {
            deleteFlat(tlsFolder);
            tlsFolder = null;
            tls = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
            toxiproxy = null;
        }
    }
}
