package io.wsbed.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.report.ReportFixture;
import io.wsbed.harness.report.ResultsJsonWriter;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WsbedCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void diffOfTwoEqualRunsExitsZero(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a"), ReportFixture.results());
        Path b = write(dir.resolve("b"), ReportFixture.results());
        assertEquals(0, cli("diff", a.toString(), b.toString()));
        assertTrue(out().contains("No changed verdict"), out());
    }

    @Test
    void diffWithAMissingFileIsOneLineAndExitsTwo(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a"), ReportFixture.results());
        assertEquals(2, cli("diff", a.toString(), dir.resolve("nope/results.json").toString()));
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().startsWith("wsbed: Configuration error: ") && err().contains("nope/results.json does not exist"),
                err());
    }

    @Test
    void mergeRefusesAFileOfAnotherSchema(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a"), ReportFixture.results());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema\":\"wsbed.baseline/1\"}");
        assertEquals(2, cli("merge", "-o", dir.resolve("out").toString(), a.toString(), bad.toString()));
        assertTrue(err().contains("has schema 'wsbed.baseline/1', expected 'wsbed.results/1'"), err());
    }

    @Test
    void mergeWritesEveryReportFile(@TempDir Path dir) throws Exception {
        Results r = ReportFixture.results();
        RunInfo run = r.run();
        Path a = write(dir.resolve("a"), r);
        Files.createDirectories(dir.resolve("a/logs/server-crash.jetty.jdk.default.direct"));
        Files.writeString(dir.resolve("a/logs/server-crash.jetty.jdk.default.direct/client-1.out"), "x\n");
        Path b = write(dir.resolve("b"), new Results(new RunInfo("other", run.start(), run.end(), 7, run.host(),
                run.infra(), run.timings(), run.selection()), r.stacks(), r.scenarios(), r.cells()));
        Path outDir = dir.resolve("merged");
        assertEquals(0, cli("merge", "-o", outDir.toString(), a.toString(), b.toString()));
        for (String f : new String[] {"results.json", "summary.md", "index.html", "junit/TEST-wsbed.server-crash.xml",
                "logs/server-crash.jetty.jdk.default.direct/client-1.out"}) {
            assertTrue(Files.exists(outDir.resolve(f)), f);
        }
        assertTrue(out().contains("Merged 7 cells from 2 runs"), out());
    }

    @Test
    void unknownCommandsAndOptionsSayWhatIsKnown() {
        assertEquals(2, cli("bench"));
        assertTrue(err().contains("commands: run, merge, diff"), err());
        assertEquals(2, cli("diff", "--fast", "a", "b"));
        assertTrue(err().contains("known: --min-ms, --threshold"), err());
        assertEquals(0, cli("--help"));
        assertTrue(out().contains("wsbed merge -o OUTDIR"), out());
    }

    private int cli(String... args) {
        out.reset();
        err.reset();
        return WsbedCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Path write(Path dir, Results r) throws Exception {
        Files.createDirectories(dir);
        Path f = dir.resolve("results.json");
        Files.writeString(f, ResultsJsonWriter.write(r));
        return f;
    }
}
