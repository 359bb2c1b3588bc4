package io.wsbed.harness.nginx;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a confirmed reload changed: the workers before it (now draining, or already gone) and the
 * workers the master started with the new config.
 *
 * @param oldWorkers worker pids before the reload
 * @param newWorkers worker pids that appeared after it
 * @param took from sending the reload to seeing the new workers
 */
public record NginxReload(Set<Long> oldWorkers, Set<Long> newWorkers, Duration took) {
    public NginxReload {
        oldWorkers = Set.copyOf(oldWorkers);
        newWorkers = Set.copyOf(newWorkers);
        Objects.requireNonNull(took, "took");
    }
}
