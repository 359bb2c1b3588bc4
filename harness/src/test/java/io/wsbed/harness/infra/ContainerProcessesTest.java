package io.wsbed.harness.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading nginx's workers out of a container's /proc stat lines. */
class ContainerProcessesTest {
    private static final String STATS = String.join("\n",
            "1 (nginx) S 0 1 1 0 -1 4194560 1245 0 0 0 1 0 0 0 20 0 1 0 2113 11386880 1412",
            "7 (nginx) S 1 1 1 0 -1 4194624 232 0 0 0 0 0 0 0 20 0 1 0 2120 11812864 917",
            "34 (nginx) S 1 1 1 0 -1 4194624 211 0 0 0 0 0 0 0 20 0 1 0 2201 11812864 905",
            "40 (cat) R 0 40 40 0 -1 4194560 97 0 0 0 0 0 0 0 20 0 1 0 2230 2404352 245",
            "41 (odd) name)) S 1 41 41 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 2231 0 0",
            "garbage line",
            "");

    @Test
    void theWorkersAreTheMastersNginxChildren() {
        List<ContainerProcesses.Stat> all = ContainerProcesses.parse(STATS);
        assertEquals(5, all.size(), "every stat line is read, a foreign one skipped");
        assertEquals(Set.of(7L, 34L), ContainerProcesses.children(all, 1, "nginx"));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesIsCutAtTheLastParenthesis() {
        ContainerProcesses.Stat odd = ContainerProcesses.parse(STATS).get(4);
        assertEquals("odd) name)", odd.comm());
        assertEquals(1, odd.ppid());
    }
}
