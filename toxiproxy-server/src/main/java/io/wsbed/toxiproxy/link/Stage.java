package io.wsbed.toxiproxy.link;

/**
 * One step of a link's pipeline: it receives chunks in order, then at most one end-of-stream.
 *
 * <p>Both calls may block (that is how backpressure reaches the sending peer). {@link #end()} means
 * the source finished or a toxic closed the link; it is idempotent and may arrive from a timer
 * thread, so implementations must tolerate it concurrently with a late {@link #accept(Chunk)}.
 */
public interface Stage {

    /** Takes one chunk; see {@link Chunk} for how long its bytes stay valid. */
    void accept(Chunk chunk);

    /** Propagates end-of-stream after every chunk already accepted. */
    void end();
}
