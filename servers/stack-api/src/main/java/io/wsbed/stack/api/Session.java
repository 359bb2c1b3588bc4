package io.wsbed.stack.api;

/** The runtime's record of one session: its contract id, its connection and its state. */
final class Session {
    final String id;
    final Connection connection;
    volatile boolean open = true;
    /** Set once the first close or error was reported: the application knows the session ended. */
    volatile boolean ended;
    /** Set when this side started the close (close command, stop, heartbeat abort). */
    volatile boolean localClose;
    volatile long lastInboundNanos = System.nanoTime();

    Session(String id, Connection connection) {
        this.id = id;
        this.connection = connection;
    }
}
