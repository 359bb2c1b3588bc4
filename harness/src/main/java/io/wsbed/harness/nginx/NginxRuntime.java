package io.wsbed.harness.nginx;

/**
 * How one kind of nginx is started: as a local process, or in a container. Everything else about
 * an nginx's life (the port, readiness, reloads, logs) is {@link NginxLifecycle}'s and the same
 * for every runtime.
 */
@FunctionalInterface
public interface NginxRuntime {

    /**
     * Starts an nginx master on the rendered config (which names the listen port) and returns at
     * once: the lifecycle waits for readiness. A master that could not start is returned dead,
     * with the reason in {@link NginxMaster#exitReason()}, so that its output and logs are kept.
     */
    NginxMaster start(String config);
}
