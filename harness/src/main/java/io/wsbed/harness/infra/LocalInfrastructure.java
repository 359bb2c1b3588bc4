package io.wsbed.harness.infra;

import io.wsbed.harness.nginx.NginxConfigRenderer;
import io.wsbed.harness.nginx.NginxLookup;
import io.wsbed.harness.nginx.NginxProcess;
import io.wsbed.harness.nginx.NginxReload;
import io.wsbed.harness.nginx.NginxSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** nginx from this machine (PATH or wsbed.nginx.bin), rendered from the repository's templates. */
public final class LocalInfrastructure implements Infrastructure {
    private final NginxLookup nginx;
    private final Path root;

    public LocalInfrastructure(Path root, String nginxBin) {
        this.root = root;
        this.nginx = NginxLookup.locate(nginxBin);
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nginx", nginx.found() ? nginx.binary().version() + " (" + nginx.binary().path() + ")" : nginx.toString());
        return m;
    }

    @Override
    public Optional<String> nginxMissing() {
        return nginx.skipReason();
    }

    @Override
    public NginxProxy startNginx(NginxSettings settings, int upstreamPort, Path logDir) {
        NginxProcess p = NginxProcess.start(nginx.binary(), NginxConfigRenderer.fromRepository(root), settings,
                upstreamPort, logDir);
        return new NginxProxy() {
            @Override
            public int port() {
                return p.port();
            }

            @Override
            public NginxReload reload(NginxSettings newSettings) {
                return p.reload(newSettings);
            }

            @Override
            public void close() {
                p.close();
            }
        };
    }

    @Override
    public void close() {
        // nginx instances belong to their cells and are closed there.
    }
}
