package io.wsbed.toxiproxy.link;

/** What a {@link ToxicStage} may ask of the link it is attached to. */
public interface LinkContext {

    /** The link's random source (toxicity draws, jitter, split points). */
    Draws draws();

    /** Shared timers and the pool that carries timer-driven end-of-stream. */
    DataPlane plane();

    /** Sets SO_LINGER 0 on both sockets of the connection, so each later close sends RST. */
    void lingerZero();

    /** Starts a tracked thread named after this link and {@code role}. */
    Thread startThread(String role, Runnable body);

    /**
     * Called by a removed stage that held data once it holds none, so the link can take it out of
     * the wiring; see {@link ToxicStage#releasesItself()}.
     */
    void release(ToxicStage stage);
}
