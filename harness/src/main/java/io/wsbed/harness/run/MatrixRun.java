package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.infra.ContainerImages;
import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.infra.Infrastructures;
import io.wsbed.harness.infra.LocalInfrastructure;
import io.wsbed.harness.process.ChildProcess;
import io.wsbed.harness.process.ProcessRegistry;
import io.wsbed.harness.process.StartGate;
import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Repetitions;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.ScenarioInfo;
import io.wsbed.harness.result.ShardSet;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.Scenarios;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.stack.StackCatalog;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.stack.StartArchives;
import io.wsbed.harness.wire.CaptureMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the matrix: discovers and describes the stacks, plans the cells from the settings
 * (this shard's part of them when sharded), runs them up to {@code wsbed.parallel} at a time with a
 * progress line each, and writes the report, cells in plan order, when finished.
 */
public final class MatrixRun {
    private static final Logger LOG = LoggerFactory.getLogger(MatrixRun.class);
    /** The longest any wait for one cell's result may take. */
    private static final Duration AWAIT_BOUND = Duration.ofMinutes(60);

    private final Settings settings;
    private final Clock clock;
    private final Map<String, StackInfo> infos;
    private final List<Cell> cells;
    private final ReportFiles files;
    private final CellRunner runner;
    private final Timings timings;
    private final Infrastructure infra;
    private final String start;
    private final AtomicInteger finishedCount = new AtomicInteger();
    private final int parallel;
    private final List<Cell> plan;
    private final StartArchives archives;
    private final int repeat;
    private CellScheduler<CellResult> scheduler;
    private Map<Cell, CompletableFuture<CellResult>> futures;
    private final CaptureMode capture;
    private Results finished;

    private MatrixRun(Settings settings, Clock clock, Map<String, StackInfo> infos, List<Cell> cells, List<Cell> plan,
                      ReportFiles files, CellRunner runner, Timings timings, Infrastructure infra, CaptureMode capture,
                      int parallel, StartArchives archives) {
        this.parallel = parallel;
        this.archives = archives;
        this.plan = plan;
        this.infra = infra;
        this.capture = capture;
        this.settings = settings;
        this.clock = clock;
        this.infos = infos;
        this.cells = cells;
        this.files = files;
        this.runner = runner;
        this.timings = timings;
        this.repeat = settings.repeat();
        this.start = iso(clock);
    }

    /**
     * Prints the settings, describes the stacks and plans the cells. Configuration errors throw here.
     * Each cell runs {@link Settings#repeat()} times, back to back in plan order (see {@link Repetitions}).
     */
    public static MatrixRun prepare(Settings settings, Clock clock) {
        LOG.info("wsbed settings: {}", settings.describe());
        StackCatalog catalog = StackCatalog.discover(settings.root(), settings.stackDirs());
        // Validate the whole selection before the previous report is cleared: a typo must not cost it.
        Map<String, StackInfo> infos = catalog.describe(catalog.ids(), infoLogs());
        List<Cell> plan = MatrixPlan.plan(settings, infos);
        Timings timings = Timings.scaled(settings.windowMs());
        List<Cell> cells = settings.shard() == null ? plan : settings.shard().select(plan,
                c -> Scenarios.create(c.scenario(), settings.stormClients()).expectedMs(timings));
        CaptureMode capture = CaptureMode.resolve(settings.capture());
        ReportFiles files = ReportFiles.fresh(settings.reportDir());
        Infrastructure infra = Infrastructures.create(settings.infra(),
                new ContainerImages(settings.nginxImage(), settings.toxiproxyImage()), settings.root(), settings.seed(),
                () -> new LocalInfrastructure(settings.root(), settings.nginxBin(), settings.toxiproxyUrl(),
                        settings.seed()));
        LOG.info("wsbed: {} cells{}; stacks {}", cells.size(), settings.shard() == null ? ""
                : " (shard " + settings.shard() + " of a plan of " + plan.size() + ")", describe(infos));
        // Containers mode has not been measured with cells side by side: one at a time unless asked.
        int parallel = settings.parallel() == null && infra.kind().equals("containers") ? 1 : settings.cellsAtOnce();
        LOG.info("wsbed: {}", capture.describe());
        if (settings.repeat() > 1) {
            LOG.info("wsbed: each cell runs {} times back to back; figures become p50/p95/max", settings.repeat());
        }
        StartGate gate = parallel > 1 ? StartGate.forMachine(java.time.Duration.ofMillis(settings.quietMs())) : StartGate.NONE;
        StartArchives archives = settings.cds() ? StartArchives.prepare(catalog, roles(cells),
                Map.of("server", settings.referenceClient(), "client", settings.referenceServer()), infoLogs())
                : StartArchives.NONE;
        LOG.info("wsbed: {}", archives.describe());
        return new MatrixRun(settings, clock, infos, cells, plan, files, new CellRunner(catalog, infos, timings, clock,
                settings.seed(), infra, capture, gate, archives), timings, infra, capture, parallel, archives);
    }

    /** Each stack the cells start, with the roles it plays in them. */
    private static Map<String, Set<String>> roles(List<Cell> cells) {
        Map<String, Set<String>> roles = new java.util.TreeMap<>();
        for (Cell c : cells) {
            roles.computeIfAbsent(c.server(), k -> new java.util.TreeSet<>()).add("server");
            roles.computeIfAbsent(c.client(), k -> new java.util.TreeSet<>()).add("client");
        }
        return roles;
    }

    /** Where the stacks' answers to {@code info} log their stderr (outside the report folder). */
    private static Path infoLogs() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("wsbed-info-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new io.wsbed.harness.HarnessException("cannot create a temp folder: " + e.getMessage(), e);
        }
    }

    private static String describe(Map<String, StackInfo> infos) {
        List<String> parts = new ArrayList<>();
        infos.values().forEach(i -> parts.add(i.id() + " " + (i.available() ? i.version()
                : "(cannot run here, its cells are SKIPPED: " + i.unavailable() + ")")));
        return String.join(", ", parts);
    }

    public List<Cell> cells() {
        return List.copyOf(cells);
    }

    public Path reportDir() {
        return files.dir();
    }

    /**
     * The result of one cell, starting the whole plan first if it has not started yet (the cells
     * run up to {@code wsbed.parallel} at a time, each printing its progress line when it ends).
     * Waits (bounded) for that cell. Never throws for a stack's behaviour.
     */
    public CellResult run(Cell cell) {
        CompletableFuture<CellResult> f = started().get(cell);
        if (f == null) {
            throw new IllegalArgumentException(cell.displayName() + " is not in this run's plan");
        }
        return await(cell, f);
    }

    /** Runs every planned cell and returns the results in plan order. */
    public List<CellResult> runAll() {
        Map<Cell, CompletableFuture<CellResult>> all = started();
        List<CellResult> out = new ArrayList<>();
        all.forEach((cell, f) -> out.add(await(cell, f)));
        return out;
    }

    private synchronized Map<Cell, CompletableFuture<CellResult>> started() {
        if (futures == null) {
            LOG.info("wsbed: running {} cells, {} at a time{}", cells.size(), parallel,
                    cells.stream().anyMatch(this::alone) ? " (" + String.join(", ", cells.stream().filter(this::alone)
                            .map(Cell::scenario).distinct().toList()) + " cells alone, after the others)" : "");
            CellScheduler<CellResult> scheduler = new CellScheduler<>(parallel, this::alone, this::runCell);
            this.scheduler = scheduler;
            futures = scheduler.start(cells);
        }
        return futures;
    }

    private boolean alone(Cell cell) {
        return parallel > 1 && scenario(cell.scenario()).runsAlone();
    }

    private CellResult await(Cell cell, CompletableFuture<CellResult> f) {
        try {
            return f.get(AWAIT_BOUND.toMinutes(), TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            throw new HarnessException(cell.displayName() + " had no result after " + AWAIT_BOUND.toMinutes()
                    + " min; see " + files.cellLogs(cell));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while waiting for " + cell.displayName(), e);
        } catch (ExecutionException e) {
            throw new HarnessException(cell.displayName() + " broke the harness: " + e.getCause(), e.getCause());
        }
    }

    /** Runs one cell (all its repetitions) on a scheduler thread and prints its progress line. */
    private CellResult runCell(Cell cell) {
        CellResult r;
        if (repeat == 1) {
            r = runner.run(cell, scenario(cell.scenario()), files.cellLogs(cell), files.cellLogsRelative(cell));
        } else {
            List<CellResult> runs = new ArrayList<>();
            for (int i = 1; i <= repeat; i++) {
                runs.add(runner.run(cell, scenario(cell.scenario()), files.cellLogs(cell).resolve("run-" + i),
                        files.cellLogsRelative(cell) + "/run-" + i));
            }
            r = Repetitions.combine(runs, scenario(cell.scenario()).keyMetric());
        }
        int done = finishedCount.incrementAndGet();
        // The others still running beside this one, for the progress line.
        int others = scheduler.running() - 1;
        LOG.info("[{}/{}] {} {} x {} {}{} ... {} {} ({} s{})", done, cells.size(), cell.scenario(), cell.server(),
                cell.client(), cell.profile().id(), cell.path() == NetworkPath.DIRECT ? "" : " via " + cell.path().id(),
                r.verdict() + (r.flaky() ? " (flaky " + r.repetitions() + ")" : ""), r.keyFigure(),
                String.format(Locale.ROOT, "%.1f", ((Number) r.timings().get("wall_ms")).longValue() / 1000.0),
                parallel > 1 ? "; " + others + " running" : "");
        if (r.verdict() == io.wsbed.harness.verdict.Verdict.ERROR || r.verdict() == io.wsbed.harness.verdict.Verdict.SKIPPED) {
            LOG.info("    {}", r.reason());
        }
        return r;
    }

    /** This machine as the report header shows it: cores, OS, the JVM. */
    public static Map<String, Object> host() {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("cores", Runtime.getRuntime().availableProcessors());
        host.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        host.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        return host;
    }

    /**
     * Writes the report of the cells run so far (and appends summary.md to GITHUB_STEP_SUMMARY
     * when set) and returns the results. Calling it again without new cells returns the same results.
     */
    public synchronized Results finish() {
        List<CellResult> results = finishedInPlanOrder();
        if (finished != null && finished.cells().size() == results.size()) {
            return finished;
        }
        Map<String, Object> host = host();
        infra.describe().forEach(host::put);
        host.put("capture", capture.describe());
        host.put("parallel", parallel);
        host.put("start_archives", archives.describe());
        Map<String, Object> selection = new LinkedHashMap<>(settings.selectionForReport());
        if (settings.shard() != null) {
            // What merging the shards checks: same plan, every part present once (ShardSet).
            selection.put("shard", ShardSet.describe(settings.shard().index(), settings.shard().count(), plan.stream().map(Cell::id).toList()));
        }
        RunInfo run = new RunInfo(start.replaceAll("[^0-9]", "").substring(0, 14), start, iso(clock), settings.seed(), host,
                infra.kind(), timings.asMap(), selection);
        Set<String> used = new LinkedHashSet<>();
        results.forEach(c -> {
            used.add(c.server());
            used.add(c.client());
        });
        List<StackInfo> stacks = infos.values().stream().filter(i -> used.contains(i.id())).toList();
        List<ScenarioInfo> scenarios = new ArrayList<>();
        results.stream().map(CellResult::scenario).distinct().forEach(id -> {
            Scenario s = scenario(id);
            // What the matrix's number means belongs next to what the scenario does (issue 18).
            scenarios.add(new ScenarioInfo(s.id(), s.paths(), s.description() + " Key figure " + s.measures(),
                    s.reports()));
        });
        Results out = new Results(run, stacks, scenarios, results);
        try {
            files.write(out);
            files.appendStepSummary(System.getenv()).ifPresent(f -> LOG.info("wsbed: summary appended to {}", f));
        } finally {
            // The embedded Toxiproxy's threads would keep the JVM alive; nginx and stacks belong to cells.
            infra.close();
        }
        int killed = ProcessRegistry.awaitAllExited(ChildProcess.EXIT_GRACE.plusSeconds(1));
        if (killed > 0) {
            LOG.warn("{} child processes had not exited at the end of the run and were killed", killed);
        }
        LOG.info("wsbed: report written to {} (index.html, summary.md, results.json, junit/)", files.dir());
        LOG.info("wsbed: seed {}; the same schedule again: -Dwsbed.seed={} (./wsbed run --seed {})", settings.seed(),
                settings.seed(), settings.seed());
        finished = out;
        return out;
    }

    /**
     * The results of the run's cells in plan order, each waited for (bounded): the report is
     * written once no cell runs any more. A cell that broke the harness is left out and logged.
     */
    private List<CellResult> finishedInPlanOrder() {
        List<CellResult> out = new ArrayList<>();
        if (futures == null) {
            return out;
        }
        futures.forEach((cell, f) -> {
            try {
                out.add(f.get(AWAIT_BOUND.toMinutes(), TimeUnit.MINUTES));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                LOG.warn("{} has no result for the report: {}", cell.displayName(), e.toString());
            }
        });
        return out;
    }

    /** The scenario as this run's settings size it (the reconnect storm's client count). */
    private Scenario scenario(String id) {
        return Scenarios.create(id, settings.stormClients());
    }

    private static String iso(Clock clock) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC).withNano(0));
    }
}
