package io.wsbed.harness.report;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.scenario.Cell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Owns the files of one report folder (reports/latest, or a merge's output): clears it when a run
 * starts, hands out each cell's log folder, writes every report at the end, and reads results back.
 * Writers do no I/O of their own.
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

    /** Writes one log file of a cell (a process's event lines) into its log folder. */
    public void writeCellLog(Cell cell, String name, String content) {
        try {
            Files.createDirectories(cellLogs(cell));
        } catch (IOException e) {
            throw new HarnessException("cannot create " + cellLogs(cell) + ": " + e.getMessage(), e);
        }
        writeFile(cellLogsRelative(cell) + "/" + name, content);
    }

    /** Folder for run-level logs (stack info calls). */
    public Path runLogs() {
        return dir.resolve("logs").resolve("_run");
    }

    /** Writes every report file: results.json, summary.md, index.html and junit/. */
    public void write(Results results) {
        writeFile("results.json", ResultsJsonWriter.write(results));
        writeFile("summary.md", SummaryMarkdownWriter.write(results));
        writeFile("index.html", HtmlReportWriter.write(results));
        Path junit = dir.resolve("junit");
        try {
            Files.createDirectories(junit);
        } catch (IOException e) {
            throw new HarnessException("cannot create " + junit + ": " + e.getMessage(), e);
        }
        JunitXmlWriter.write(results).forEach((name, xml) -> writeFile("junit/" + name, xml));
    }

    /**
     * Appends summary.md to the file GitHub Actions names in GITHUB_STEP_SUMMARY, when it is set,
     * so the matrix shows on the job's page. Returns the file appended to, if any.
     */
    public Optional<Path> appendStepSummary(Map<String, String> env) {
        String target = env.get("GITHUB_STEP_SUMMARY");
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(target);
        try {
            String summary = Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8);
            Files.writeString(file, summary, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return Optional.of(file);
        } catch (IOException e) {
            throw new HarnessException("cannot append summary.md to GITHUB_STEP_SUMMARY " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a results.json back (a report folder stands for the results.json in it); a missing or
     * malformed file is a one-line configuration error.
     */
    public static Results readResults(Path given) {
        Path file = Files.isDirectory(given) ? given.resolve("results.json") : given;
        if (!Files.isRegularFile(file)) {
            throw HarnessException.configuration(file + " does not exist (expected a results.json written by wsbed)");
        }
        try {
            return ResultsJsonReader.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw HarnessException.configuration("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Copies one cell's log folder from another report folder into this one (merging keeps the
     * links of index.html working). A folder that is not there is skipped: logs are a convenience.
     */
    public void copyLogs(Path fromReportDir, String relative) {
        if (relative == null || relative.isEmpty() || relative.contains("..")) {
            return;
        }
        Path from = fromReportDir.resolve(relative);
        Path to = dir.resolve(relative);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new HarnessException("cannot copy logs " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private void writeFile(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
