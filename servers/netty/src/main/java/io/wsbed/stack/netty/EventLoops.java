package io.wsbed.stack.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;

/** Netty 4.2's event loop group (NIO transport) and its bounded shutdown. */
final class EventLoops {
    /** Bound on the group's shutdown; no quiet period, the process is about to exit. */
    private static final long STOP_WAIT_MS = 2_000;

    private EventLoops() {
    }

    /** One I/O thread: a stack process serves a handful of sessions. */
    static EventLoopGroup start() {
        return new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    static void stop(EventLoopGroup group) {
        if (group != null && !group.shutdownGracefully(0, STOP_WAIT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(STOP_WAIT_MS + 500)) {
            System.err.println("netty: event loop still running " + STOP_WAIT_MS + " ms after shutdownGracefully");
        }
    }
}
