package io.wsbed.harness.schedule;

import java.util.Optional;

/**
 * How a cell is set up before its schedule runs: the server, what lies in front of it (the cell's
 * path), the client, and what to wait for before the first step.
 *
 * @param traffic whether the server pushes and the client sends numbered messages (every
 *     tick_ms / send_ms) or both stay quiet
 * @param serverPings when the server pings
 * @param clientPings when the client pings
 * @param reconnect the client's reconnect mode: "backoff" (the contract's policy), "builtin" (the
 *     stack's own) or "none"
 * @param connections how many connections the client process holds
 * @param armed a network fault to arm on the Toxiproxy proxy before the client connects
 * @param workerShutdownTimeout whether nginx gets worker_shutdown_timeout
 * @param start what must have happened before the first step
 * @param serverMemoryMib the server process's memory limit in MiB (JVM: -Xmx, and an out-of-memory
 *     error ends the process), or 0 for the stack's own default
 * @param idleTimeout the side whose stack gets its own idle timeout (--idle-timeout-ms, the run's
 *     stack_idle_timeout_ms), or empty for none
 */
public record Setup(boolean traffic, Pings serverPings, Pings clientPings, String reconnect, int connections,
                    Optional<NetworkFault> armed, boolean workerShutdownTimeout, Start start, int serverMemoryMib,
                    Optional<Side> idleTimeout) {

    /** When a side pings: as the cell's profile says, always (heartbeat options), or never. */
    public enum Pings { PROFILE, ALWAYS, NEVER }

    /** What the setup waits for. */
    public enum Start {
        /** Both sides opened a session and numbered messages flow both ways. */
        FLOW,
        /** Both sides opened a session. */
        OPEN,
        /** The client opened every one of its connections. */
        ALL_OPEN,
        /** Nothing: the first steps wait for what they need. */
        NOTHING
    }

    /** Messages flowing both ways, pings as the profile says, backoff reconnect: the usual cell. */
    public static Setup flowing() {
        return new Setup(true, Pings.PROFILE, Pings.PROFILE, "backoff", 1, Optional.empty(), false, Start.FLOW, 0,
                Optional.empty());
    }

    public Setup withReconnect(String mode) {
        return new Setup(traffic, serverPings, clientPings, mode, connections, armed, workerShutdownTimeout, start,
                serverMemoryMib, idleTimeout);
    }

    public Setup armed(NetworkFault fault) {
        return new Setup(traffic, serverPings, clientPings, reconnect, connections, Optional.of(fault),
                workerShutdownTimeout, start, serverMemoryMib, idleTimeout);
    }

    public Setup withWorkerShutdownTimeout() {
        return new Setup(traffic, serverPings, clientPings, reconnect, connections, armed, true, start, serverMemoryMib,
                idleTimeout);
    }

    /** No numbered messages either way; the client waits for {@code start}. */
    public Setup quiet(Start newStart) {
        return new Setup(false, serverPings, clientPings, reconnect, connections, armed, workerShutdownTimeout, newStart,
                serverMemoryMib, idleTimeout);
    }

    public Setup pings(Pings server, Pings client) {
        return new Setup(traffic, server, client, reconnect, connections, armed, workerShutdownTimeout, start,
                serverMemoryMib, idleTimeout);
    }

    public Setup withConnections(int n) {
        return new Setup(traffic, serverPings, clientPings, reconnect, n, armed, workerShutdownTimeout, start,
                serverMemoryMib, idleTimeout);
    }

    /** The server runs with this memory limit (MiB), stated in the report header by the scenario that sets it. */
    public Setup withServerMemoryMib(int mib) {
        return new Setup(traffic, serverPings, clientPings, reconnect, connections, armed, workerShutdownTimeout, start,
                mib, idleTimeout);
    }

    /** The stack on {@code side} gets its own idle timeout. */
    public Setup withIdleTimeout(Side side) {
        return new Setup(traffic, serverPings, clientPings, reconnect, connections, armed, workerShutdownTimeout, start,
                serverMemoryMib, Optional.of(side));
    }
}
