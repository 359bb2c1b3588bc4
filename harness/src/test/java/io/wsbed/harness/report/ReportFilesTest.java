package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @Test
    void writesEveryReportFile(@TempDir Path dir) {
        ReportFiles files = ReportFiles.fresh(dir.resolve("latest"));
        files.write(ReportFixture.results());
        for (String name : new String[] {"results.json", "summary.md", "index.html",
                "junit/TEST-wsbed.server-crash.xml", "junit/TEST-wsbed.send-after-close.xml"}) {
            assertTrue(Files.isRegularFile(files.dir().resolve(name)), name);
        }
    }

    @Test
    void appendsTheSummaryToGithubStepSummaryWhenSet(@TempDir Path dir) throws Exception {
        ReportFiles files = ReportFiles.fresh(dir.resolve("latest"));
        files.write(ReportFixture.results());
        Path step = dir.resolve("step-summary.md");
        Files.writeString(step, "earlier step\n");
        assertEquals(Optional.of(step), files.appendStepSummary(Map.of("GITHUB_STEP_SUMMARY", step.toString())));
        String summary = Files.readString(files.dir().resolve("summary.md"));
        assertEquals("earlier step\n" + summary, Files.readString(step));
        assertEquals(Optional.empty(), files.appendStepSummary(Map.of()));
    }

    @Test
    void copiesACellsLogsFromAnotherReport(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("logs/cell-a"));
        Files.writeString(other.resolve("logs/cell-a/server-1.out"), "line\n");
        ReportFiles files = ReportFiles.fresh(dir.resolve("merged"));
        files.copyLogs(other, "logs/cell-a");
        files.copyLogs(other, "logs/not-there");
        files.copyLogs(other, "../escape");
        assertEquals("line\n", Files.readString(files.dir().resolve("logs/cell-a/server-1.out")));
    }
}
