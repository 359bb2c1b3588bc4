package io.wsbed.harness.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which faults wait for a turn beside other cells: those the stacks notice at once, never those a
 * timer notices later (a turn would move them against the stacks' timers), never a wait.
 */
class StepTurnTest {

    @Test
    void faultsNoticedAtOnceTakeATurn() {
        for (Step s : List.of(new KillServer(), new KillClient(), new StopServer(), new CloseSession(Side.CLIENT),
                new InjectNetworkFault(new NetworkFault.ResetPeer()), new InjectNetworkFault(new NetworkFault.ProxyDown()),
                new SendBig(Side.CLIENT, 1 << 20, 5_000))) {
            assertTrue(s.takesTurn(), s + " is noticed at once and should take a turn");
        }
    }

    @Test
    void faultsATimerNoticesAndWaitsTakeNone() {
        for (Step s : List.of(new InjectNetworkFault(new NetworkFault.Blackhole()),
                new InjectNetworkFault(new NetworkFault.Latency(1_000, 3_000)), new FreezePeer(Side.SERVER, 3_000),
                new FloodStalledClient(1 << 20, 2_000), new ReloadNginx(3_000), new Pause(100), new RestartServer())) {
            assertFalse(s.takesTurn(), s + " should not wait for a turn");
        }
    }
}
