package io.wsbed.harness.nginx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One started nginx master as its {@link NginxRuntime} reaches it: the signals it takes, the
 * workers it runs, the output it wrote. Waits and retries are {@link NginxLifecycle}'s, not its.
 */
public interface NginxMaster extends AutoCloseable {

    /** The nginx version, e.g. 1.22.1. */
    String version();

    /** What log lines call this master: where it runs and how to find it. */
    String describe();

    /** Whether the master still runs. */
    boolean isAlive();

    /** Why the master is not running ("nginx exited with code 1"); asked once {@link #isAlive()} is false. */
    String exitReason();

    /** What nginx wrote so far (its error log, its console), oldest first. */
    String output();

    /** The pid in nginx's pid file, once a running master wrote it (its listeners are bound); empty before. */
    OptionalLong readPid();

    /** The running workers of the master with that pid (as {@link #readPid()} gave it). */
    Set<Long> workerPids(long masterPid);

    /** Replaces the config the master reads on its next reload. */
    void writeConfig(String config);

    /** Runs {@code nginx -s <signal>} (reload, quit) against the master, bounded; throws when it fails. */
    void signal(String signal);

    /** Waits until the master has exited; true when it did within the timeout. */
    boolean awaitExit(Duration timeout);

    /** Writes config and logs to the folder as nginx.conf, nginx-error.log, nginx-access.log, nginx-console.log. */
    void keepLogs(Path folder);

    /** Kills master and workers and frees what the start took (prefix, container). Idempotent. */
    @Override
    void close();
}
