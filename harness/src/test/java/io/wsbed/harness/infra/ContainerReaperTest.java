package io.wsbed.harness.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which leftover containers a new run may remove: only those of dead JVMs on this host. */
class ContainerReaperTest {
    private static final ProcessHandle SELF = ProcessHandle.current();
    private static final Instant SELF_START = SELF.info().startInstant().orElseThrow();

    @Test
    void aLiveOwnerIsNotDead() {
        assertFalse(ContainerReaper.ownerIsDead(ContainerReaper.owner("h1", SELF.pid(), SELF_START), "h1"));
    }

    @Test
    void aPidThatNoLongerRunsIsDead() {
        long unused = Long.MAX_VALUE / 2; // above any pid_max
        assertTrue(ContainerReaper.ownerIsDead(ContainerReaper.owner("h1", unused, SELF_START), "h1"));
    }

    @Test
    void aReusedPidIsDead() {
        String label = ContainerReaper.owner("h1", SELF.pid(), SELF_START.minusSeconds(3600));
        assertTrue(ContainerReaper.ownerIsDead(label, "h1"), "same pid, other start time: another process now");
    }

    @Test
    void anotherHostsContainersAreNotJudged() {
        long unused = Long.MAX_VALUE / 2;
        assertFalse(ContainerReaper.ownerIsDead(ContainerReaper.owner("h2", unused, SELF_START), "h1"));
        assertFalse(ContainerReaper.ownerIsDead("not an owner label", "h1"));
        assertFalse(ContainerReaper.ownerIsDead(null, "h1"));
    }
}
