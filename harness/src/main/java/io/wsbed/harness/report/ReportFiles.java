package io.wsbed.harness.report;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.scenario.Cell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Owns the files of one run's report folder (reports/latest): clears it when a run starts, hands
 * out each cell's log folder, and writes the reports at the end. Writers do no I/O of their own.
 */
public final class ReportFiles {
    private final Path dir;

    private ReportFiles(Path dir) {
        this.dir = dir;
    }

    /** Clears the folder of a previous run and creates it anew. */
    public static ReportFiles fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
            Files.createDirectories(dir.resolve("logs"));
            return new ReportFiles(dir);
        } catch (IOException | UncheckedIOException e) {
            throw new HarnessException("cannot prepare the report folder " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The folder for one cell's process logs. */
    public Path cellLogs(Cell cell) {
        return dir.resolve("logs").resolve(cell.id());
    }

    /** The same folder, relative to the report folder, as results.json records it. */
    public String cellLogsRelative(Cell cell) {
        return "logs/" + cell.id();
    }

    /** Folder for run-level logs (stack info calls). */
    public Path runLogs() {
        return dir.resolve("logs").resolve("_run");
    }

    /** Writes results.json and summary.md. */
    public void write(Results results) {
        writeFile("results.json", ResultsJsonWriter.write(results));
        writeFile("summary.md", SummaryMarkdownWriter.write(results));
    }

    private void writeFile(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
