package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.Chunk;
import java.util.function.Supplier;

/**
 * The {@code limit_data} toxic: forwards at most {@code bytes} bytes on this link, cutting the chunk
 * that crosses the limit, then closes the link (FIN to both peers). The count is per link and
 * survives updates (a new limit allows {@code bytes - sent} more); the check only runs when a chunk
 * arrives, so {@code bytes: 0} closes on the first chunk and an idle link stays open.
 */
final class LimitDataStage extends SpecStage {
    /** Bytes forwarded while applied; only the thread running this link's segment writes it. */
    private long sent;
    private volatile boolean closed;

    LimitDataStage(Supplier<ToxicSpec> spec) {
        super(spec);
    }

    @Override
    public void accept(Chunk chunk) {
        if (!closed) {
            super.accept(chunk);
        }
    }

    @Override
    public void end() {
        if (!closed) {
            super.end();
        }
    }

    @Override
    protected void process(Chunk chunk, Run run) {
        long remaining = attribute("bytes") - sent;
        if (remaining > 0) {
            Chunk allowed = chunk.length() > remaining ? chunk.slice(0, (int) remaining) : chunk;
            next().accept(allowed);
            sent += allowed.length();
            remaining = attribute("bytes") - sent;
        }
        if (remaining <= 0) {
            closed = true;
            next().end();
        }
    }

    @Override
    protected boolean releasesItself() {
        return closed;
    }
}
