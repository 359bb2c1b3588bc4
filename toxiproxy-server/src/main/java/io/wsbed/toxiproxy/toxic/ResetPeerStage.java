package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.Chunk;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@code reset_peer} toxic: it waits for the first chunk (or end-of-stream) of its run, drops
 * it, and {@code timeout} ms later sets SO_LINGER 0 on both sockets and closes the link, so both
 * peers get RST ("Connection reset"). With no traffic in its direction nothing happens.
 *
 * <p>Deviation, on purpose: the reference sets linger only on connections opened while the toxic
 * exists (and then even when the toxicity draw said no), so on live connections it sends FIN. Here
 * linger is set when the reset fires, so every connection the toxic applies to gets RST and no
 * other close is turned into a reset. Once triggered the reset is committed, as in the reference
 * where the sleep cannot be interrupted, but an update or removal no longer blocks the API.
 */
final class ResetPeerStage extends SpecStage {
    private boolean triggered;
    private ScheduledFuture<?> fire;

    ResetPeerStage(Supplier<ToxicSpec> spec) {
        super(spec);
    }

    @Override
    public void accept(Chunk chunk) {
        if (!triggered()) {
            super.accept(chunk);
        }
    }

    @Override
    public void end() {
        if (!triggered()) {
            super.end();
        }
    }

    @Override
    protected void process(Chunk chunk, Run run) {
        trigger();
    }

    @Override
    protected void finish(Run run) {
        trigger();
    }

    @Override
    protected synchronized boolean releasesItself() {
        return triggered;
    }

    @Override
    protected synchronized void onKill() {
        if (fire != null) {
            fire.cancel(false);
        }
    }

    private synchronized boolean triggered() {
        return triggered;
    }

    private synchronized void trigger() {
        if (triggered || isKilled()) {
            return;
        }
        triggered = true;
        fire = context().plane().timers().schedule(
                () -> context().plane().runAsync(this::reset), attribute("timeout"), TimeUnit.MILLISECONDS);
    }

    private void reset() {
        if (isKilled()) {
            return;
        }
        context().lingerZero();
        next().end();
    }
}
