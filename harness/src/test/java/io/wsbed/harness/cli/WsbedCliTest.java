package io.wsbed.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.check.RecheckFixture;
import io.wsbed.harness.report.ReportFixture;
import io.wsbed.harness.report.ResultsJsonWriter;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, one-line errors, exit codes. */
class WsbedCliTest {
    private final CliCall call = new CliCall();

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
    void unknownCommandsAndOptionsAreOneLineThatListsWhatIsKnownAndExitTwo() {
        assertEquals(2, cli("bench"));
        assertEquals("wsbed: Configuration error: unknown command 'bench'; commands: run, merge, diff, recheck, record, replay, tck, help "
                + "(wsbed --help)",
                err().strip());
        assertEquals(2, cli("diff", "--fast", "a", "b"));
        assertEquals("wsbed: Configuration error: unknown option '--fast' for wsbed diff; known: --help, --min-ms, "
                + "--threshold, --version (wsbed diff --help)", err().strip());
        assertEquals(2, cli("run", "--stacks"));
        assertOneLine("option '--stacks'");
        assertEquals(2, cli("merge", "a/results.json"));
        assertOneLine("'--out=OUTDIR'");
        assertEquals(2, cli());
        assertOneLine("missing command; commands: run, merge, diff");
        assertEquals("", out());
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        for (String[] help : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            assertEquals(0, cli(help), String.join(" ", help));
            for (String command : new String[] {"run", "merge", "diff", "recheck", "record", "replay"}) {
                assertTrue(out().contains("\n  " + command + " "), command + " in:\n" + out());
            }
            assertTrue(out().contains("Exit codes:") && out().contains("3   run, merge --baseline: a verdict drifted from the baseline"),
                    out());
            assertEquals("", err());
        }
    }

    @Test
    void eachCommandHasHelpWithItsOptionsAndRunsNothing() {
        assertEquals(0, cli("run", "--help"));
        for (String option : new String[] {"--stacks", "--clients", "--scenarios", "--profiles", "--paths", "--infra",
            "--window", "--seed", "--repeat", "--report-dir", "--baseline", "--update-baseline", "--no-baseline",
            "--parallel", "--shard"}) {
            assertTrue(out().contains(option), option + " in:\n" + out());
        }
        assertEquals(0, cli("merge", "-h"));
        assertTrue(out().startsWith("Usage: wsbed merge [-hV] [--baseline=FILE] -o=OUTDIR RESULTS..."), out());
        assertEquals(0, cli("help", "diff"));
        assertTrue(out().startsWith("Usage: wsbed diff [-hV] [--min-ms=MS] [--threshold=PERCENT] OLD NEW"), out());
        assertEquals(0, cli("--version"));
        assertTrue(out().startsWith("wsbed "), out());
    }

    @Test
    void aHarnessFailureExitsOneAndAConfigurationMistakeTwo(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a"), ReportFixture.results());
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        assertEquals(1, cli("merge", "-o", notAFolder.resolve("out").toString(), a.toString()));
        assertOneLine("wsbed: cannot prepare the report folder ");
        assertEquals(2, cli("diff", "--threshold", "lots", a.toString(), a.toString()));
        assertEquals("wsbed: Configuration error: --threshold must be a non-negative number, got 'lots'", err().strip());
    }

    @Test
    void theExitCodeFollowsTheExceptionTypeNotItsText() {
        assertEquals(ExitCode.CONFIGURATION, ExitCode.of(HarnessException.configuration("x")));
        assertEquals(ExitCode.HARNESS_ERROR, ExitCode.of(new HarnessException("Configuration error: looks like one")));
        assertEquals(ExitCode.HARNESS_ERROR, ExitCode.of(new IllegalStateException("a bug")));
        assertEquals(Map.of("0", 0, "1", 1, "2", 2, "3", 3), ExitCode.table().keySet().stream()
                .collect(java.util.stream.Collectors.toMap(k -> k, Integer::parseInt)));
    }

    @Test
    void recheckWritesAReportAndListsTheVerdictsThatChanged(@TempDir Path dir) throws Exception {
        Path stored = write(dir.resolve("run"), RecheckFixture.stored(Verdict.FAIL, "client-crash"));
        Path outDir = dir.resolve("again");
        assertEquals(1, cli("recheck", stored.toString(), "-o", outDir.toString()), err());
        assertTrue(out().contains("Rechecked 1 of 2 cells"), out());
        assertTrue(out().contains(RecheckFixture.CRASH + ": FAIL -> PASS"), out());
        for (String f : new String[] {"index.html", "summary.md", "results.json"}) {
            assertTrue(Files.exists(outDir.resolve(f)), f);
        }
        assertEquals(0, cli("recheck", outDir.resolve("results.json").toString(), "-o", dir.resolve("twice").toString()));
        assertTrue(out().contains("Every verdict is as stored."), out());
    }

    @Test
    void recheckOfATruncatedFileIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path stored = write(dir.resolve("run"), RecheckFixture.stored(Verdict.PASS, "client-crash"));
        String text = Files.readString(stored);
        Files.writeString(stored, text.substring(0, text.length() / 2));
        assertEquals(2, cli("recheck", stored.toString()));
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().contains("results.json is not JSON"), err());
    }

    @Test
    void recheckRefusesToClearTheFolderItReads(@TempDir Path dir) throws Exception {
        Path stored = write(dir.resolve("run"), RecheckFixture.stored(Verdict.PASS, "client-crash"));
        assertEquals(2, cli("recheck", stored.toString(), "-o", dir.resolve("run").toString()));
        assertTrue(err().contains("pick another -o"), err());
    }

    private void assertOneLine(String part) {
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().contains(part), err());
    }

    private int cli(String... args) {
        return call.run(args);
    }

    private String out() {
        return call.out();
    }

    private String err() {
        return call.err();
    }

    private static Path write(Path dir, Results r) throws Exception {
        Files.createDirectories(dir);
        Path f = dir.resolve("results.json");
        Files.writeString(f, ResultsJsonWriter.write(r));
        return f;
    }
}
