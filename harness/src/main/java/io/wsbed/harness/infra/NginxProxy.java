package io.wsbed.harness.infra;

import io.wsbed.harness.nginx.NginxReload;
import io.wsbed.harness.nginx.NginxSettings;

/** A running nginx in front of one upstream, as a scenario uses it. */
public interface NginxProxy extends AutoCloseable {

    /** The loopback port clients connect to. */
    int port();

    /** Reloads nginx (optionally with new settings) and returns what changed. */
    NginxReload reload(NginxSettings settings);

    @Override
    void close();
}
