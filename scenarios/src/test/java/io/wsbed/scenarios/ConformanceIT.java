package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.harness.run.Settings;
import io.wsbed.harness.stack.StackCatalog;
import io.wsbed.harness.tck.ConformanceKit;
import io.wsbed.harness.tck.KitCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit over every discovered stack (the same as {@code wsbed tck <id>}): one test
 * per stack, failing with every check that failed. A stack that cannot run on this machine is
 * skipped with the line that installs what it lacks, never passed.
 */
class ConformanceIT {
    @TempDir
    static Path logs;

    @TestFactory
    Stream<DynamicTest> everyStackSpeaksTheContract() {
        Settings settings = Settings.fromSystemProperties();
        StackCatalog catalog = StackCatalog.discover(settings.root(), settings.stackDirs());
        return catalog.ids().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            List<KitCheck> checks = ConformanceKit.run(catalog, id, settings.referenceServer(),
                    settings.referenceClient(), logs.resolve(id));
            catalog.unavailable(id).ifPresent(why -> Assumptions.abort("stack '" + id + "' cannot run here: " + why));
            List<KitCheck> failed = checks.stream().filter(c -> c.status() == KitCheck.Status.FAIL).toList();
            if (!failed.isEmpty()) {
                fail(failed.size() + " of " + checks.size() + " contract checks failed for '" + id + "' (logs in "
                        + logs.resolve(id) + "):\n" + failed.stream().map(KitCheck::line).collect(Collectors.joining("\n")));
            }
        }));
    }
}
