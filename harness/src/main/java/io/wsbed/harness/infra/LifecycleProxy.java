package io.wsbed.harness.infra;

import io.wsbed.harness.nginx.NginxLifecycle;
import io.wsbed.harness.nginx.NginxReload;
import io.wsbed.harness.nginx.NginxSettings;
import java.util.Objects;

/** A scenario's handle on an nginx that {@link NginxLifecycle} runs, locally or in a container alike. */
record LifecycleProxy(NginxLifecycle nginx) implements NginxProxy {
    LifecycleProxy {
        Objects.requireNonNull(nginx, "nginx");
    }

    @Override
    public int port() {
        return nginx.port();
    }

    @Override
    public NginxReload reload(NginxSettings settings) {
        return nginx.reload(settings);
    }

    @Override
    public void close() {
        nginx.close();
    }
}
