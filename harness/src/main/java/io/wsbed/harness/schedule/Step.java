package io.wsbed.harness.schedule;

/**
 * One step of a schedule, from one vocabulary: a fault (kill, stop, restart, a network fault and
 * its recovery, a reload, a quiet period, a close, a send) or a bounded wait that lets the
 * schedule move on as soon as what it waits for happened. A step that changes the world marks
 * itself on the timeline through the {@link Stage} at the moment it acts; waits mark nothing and
 * judge nothing: what they waited for is the checker's business.
 */
public sealed interface Step permits KillServer, StopServer, KillClient, RestartServer, StartClient,
        InjectNetworkFault, RecoverNetwork, ReloadNginx, GoQuiet, CloseSession, SendOnce, SendUntilRefused,
        AwaitEnd, AwaitReopen, AwaitAfterCut, AwaitAllReopen, AwaitPair, AwaitResume, Hold, Pause, SendBig,
        FloodStalledClient, FreezePeer, QuietSession, ThroughBlockingProxy, AwaitFailover {

    void run(Stage stage);

    /**
     * Whether the step applies a fault its stacks notice at once (a death, a close, a reset): beside
     * other cells it first waits for its turn, and its processes get the CPU first for the quiet
     * window ({@link io.wsbed.harness.process.QuietWindows}). A fault a timer notices later (a
     * blackhole, a freeze, a stall, a reload's shutdown timeout) takes no turn: waiting for one
     * would only move the fault against the stacks' ping and idle timers, and that phase, not the
     * CPU of the moment, is what its figure varies with.
     */
    default boolean takesTurn() {
        return false;
    }
}
