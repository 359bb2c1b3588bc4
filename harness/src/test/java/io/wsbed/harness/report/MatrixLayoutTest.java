package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.result.Results;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text views group columns by protocol family, each pinned to its own family's reference peer. */
class MatrixLayoutTest {

    @Test
    void eachFamilyHasItsOwnTablesPinnedToItsOwnReferencePeers() {
        HandMadeRun run = new HandMadeRun()
                .cell("server-stop", "jetty", "jdk", "default", "direct", Verdict.PASS, HandMadeRun.map(), HandMadeRun.map())
                .cell("server-stop", "undertow", "jdk", "default", "direct", Verdict.PASS, HandMadeRun.map(), HandMadeRun.map())
                .cell("server-stop", "jetty", "okhttp", "default", "direct", Verdict.PASS, HandMadeRun.map(), HandMadeRun.map())
                .cell("server-stop", "socket.io", "socket.io", "default", "direct", Verdict.PASS, HandMadeRun.map(),
                        HandMadeRun.map())
                .cell("server-stop", "socket.io", "socket.io-java", "default", "direct", Verdict.DEGRADED,
                        HandMadeRun.map(), HandMadeRun.map());
        Results plain = run.results();
        List<StackInfo> stacks = new ArrayList<>(plain.stacks());
        stacks.add(new StackInfo("socket.io", "socket.io", "4", List.of("server", "client"), "ping", "emit", true, "",
                "socket.io", ""));
        stacks.add(new StackInfo("socket.io-java", "socket.io-client (Java)", "2", List.of("client"), "ping", "emit",
                true, "", "socket.io", ""));
        Results r = new Results(plain.run(), stacks, plain.scenarios(), plain.cells());

        List<MatrixLayout.Table> tables = MatrixLayout.tables(r);

        assertEquals(List.of("Servers (client: jdk)", "Clients (server: jetty)", "socket.io Servers (client: socket.io)",
                "socket.io Clients (server: socket.io)"), tables.stream().map(MatrixLayout.Table::title).toList());
        assertEquals(List.of("jetty", "undertow"), tables.get(0).columns());
        assertEquals(List.of("socket.io"), tables.get(2).columns());
        assertEquals(List.of("socket.io", "socket.io-java"), tables.get(3).columns());
        assertTrue(MatrixLayout.others(r).isEmpty(), "every cell is in a table: " + MatrixLayout.others(r));
    }
}
