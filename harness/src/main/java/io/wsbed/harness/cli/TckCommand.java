package io.wsbed.harness.cli;

import io.wsbed.harness.run.Settings;
import io.wsbed.harness.stack.StackCatalog;
import io.wsbed.harness.tck.KitCheck;
import io.wsbed.harness.tck.ConformanceKit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wsbed tck <stack-id>...}: the conformance kit on one or more stacks, one line per check;
 * exit 0 when every check passed, 1 when one failed. A stack of your own outside this checkout is
 * found with {@code --stack-dir}.
 */
@Command(name = "tck", description = {"Checks that stacks speak the process contract (docs/contract.md) by launching "
        + "them against their protocol family's reference peers: info, a bad option, a session with pushes, sends, "
        + "echoes and the send/close/stop commands, an unknown command, and the exit on stdin EOF."})
final class TckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "STACK", description = "stack ids, e.g. jetty ws")
    List<String> ids;

    @Option(names = "--stack-dir", paramLabel = "DIR",
            description = "also find stacks in DIR (a stack folder with a wsbed-stack.properties, or a folder of them); repeatable")
    List<String> stackDirs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        Map<String, String> props = new TreeMap<>(Settings.systemProperties());
        if (!stackDirs.isEmpty()) {
            props.put("wsbed.stack.dirs", String.join(",", stackDirs));
        }
        Settings settings = Settings.from(props);
        StackCatalog catalog = StackCatalog.discover(settings.root(), settings.stackDirs());
        ids.forEach(catalog::require);
        Path logs = Files.createTempDirectory("wsbed-tck-");
        int failed = 0;
        for (String id : ids) {
            long began = System.nanoTime();
            console.println("wsbed tck " + id + " (" + catalog.require(id).folder() + ")");
            List<KitCheck> checks = ConformanceKit.run(catalog, id, settings.referenceServer(), settings.referenceClient(),
                    logs.resolve(id));
            for (KitCheck c : checks) {
                console.println("  " + c.line());
            }
            long bad = checks.stream().filter(c -> c.status() == KitCheck.Status.FAIL).count();
            failed += (int) bad;
            console.println("  " + (bad == 0 ? "conforms" : bad + " of " + checks.size() + " checks failed") + " in "
                    + (System.nanoTime() - began) / 1_000_000 + " ms; logs in " + logs.resolve(id));
        }
        return failed == 0 ? ExitCode.OK.code() : ExitCode.HARNESS_ERROR.code();
    }
}
