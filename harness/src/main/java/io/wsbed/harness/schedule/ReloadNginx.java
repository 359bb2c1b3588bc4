package io.wsbed.harness.schedule;

import io.wsbed.harness.nginx.NginxReload;

/**
 * {@code nginx -s reload} with the same configuration, waiting (bounded) until new workers serve;
 * the fault mark carries the observation window, the {@code reloaded} mark how long it took.
 */
public record ReloadNginx(long windowMs) implements Step {
    @Override
    public void run(Stage stage) {
        stage.fault("nginx-reload", "worker_shutdown_timeout_ms", stage.nginxSettings().workerShutdownTimeout()
                .map(d -> (Object) d.toMillis()).orElse(null), "window_ms", windowMs);
        NginxReload reload = stage.nginx().reload(stage.nginxSettings());
        stage.mark("reloaded", "took_ms", reload.took().toMillis(), "old_workers", reload.oldWorkers().size(),
                "new_workers", reload.newWorkers().size());
    }
}
