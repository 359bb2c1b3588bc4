package io.wsbed.stack.vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.TCPSSLOptions;
import java.util.concurrent.TimeUnit;

/** The Vertx instance of one role, its bounded waits, and the idle options both roles share. */
final class VertxRuntime {
    /** Bound on a start or a stop. */
    static final long WAIT_MS = 5_000;

    private VertxRuntime() {
    }

    /** One event loop: a stack process serves a handful of sessions. */
    static Vertx start() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    }

    static <T> T await(Future<T> future, String what) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("vertx: " + what + " did not finish within " + WAIT_MS + " ms", e);
        }
    }

    static void stop(Vertx vertx) {
        if (vertx == null) {
            return;
        }
        try {
            await(vertx.close(), "Vertx.close()");
        } catch (Exception e) {
            System.err.println("vertx: " + e.getMessage());
        }
    }

    /**
     * The heartbeat's dead-peer limit as Vert.x's read-idle timeout (a Netty IdleStateHandler that
     * closes the connection; all-idle would be reset by our own pings), and the contract's
     * --idle-timeout-ms as its idle timeout. Units in ms; nothing is set in the default profile.
     */
    static void idle(TCPSSLOptions options, long heartbeatTimeoutMs, long idleTimeoutMs) {
        if (heartbeatTimeoutMs > 0 || idleTimeoutMs != -1) {
            options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        }
        if (heartbeatTimeoutMs > 0) {
            options.setReadIdleTimeout((int) heartbeatTimeoutMs);
        }
        if (idleTimeoutMs != -1) {
            options.setIdleTimeout((int) idleTimeoutMs);
        }
    }
}
