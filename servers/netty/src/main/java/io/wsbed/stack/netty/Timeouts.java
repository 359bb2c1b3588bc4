package io.wsbed.stack.netty;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The idle settings of one role: the heartbeat profile (ping interval, silence limit) and the
 * contract's {@code --idle-timeout-ms}, both as one Netty {@link IdleStateHandler}.
 *
 * @param heartbeatMs writer-idle time after which a Ping goes out; 0 = off
 * @param heartbeatTimeoutMs reader-idle time after which the peer counts as dead; 0 = off
 * @param idleTimeoutMs all-idle time after which the session is closed with 1001; -1 = none (Netty's default)
 */
record Timeouts(long heartbeatMs, long heartbeatTimeoutMs, long idleTimeoutMs) {

    /** The handler's name in the pipeline. */
    static final String HANDLER = "wsbed-idle";

    /**
     * Puts the IdleStateHandler at the head of the pipeline once the handshake is done, so that it
     * sees every byte read or written and never fires during the HTTP upgrade. Its events travel
     * the whole pipeline to {@link FrameEvents}. Nothing is added in the default profile.
     */
    void install(ChannelPipeline pipeline) {
        long all = idleTimeoutMs > 0 ? idleTimeoutMs : 0;
        if (heartbeatMs == 0 && heartbeatTimeoutMs == 0 && all == 0) {
            return;
        }
        pipeline.addFirst(HANDLER, new IdleStateHandler(heartbeatTimeoutMs, heartbeatMs, all, TimeUnit.MILLISECONDS));
    }
}
