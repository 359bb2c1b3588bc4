package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.run.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The worked CI example, .github/workflows/wsbed.yml, parses as YAML and says what README says it
 * does: a job per shard over the whole 1..n split with one seed for all, a merge job after them
 * that checks the baseline, and no command but the project's own (./wsbed) besides installing nginx.
 */
class WorkflowFileTest {
    private static final Pattern SHARD = Pattern.compile("--shard \\$\\{\\{ matrix\\.shard }}/(\\d+)");

    @Test
    @SuppressWarnings("unchecked")
    void theShardedWorkflowIsValidAndUsesOnlyTheProjectsCommands() throws IOException {
        Path file = Settings.fromSystemProperties().root().resolve(".github/workflows/wsbed.yml");
        Map<String, Object> workflow;
        try (Reader r = Files.newBufferedReader(file)) {
            workflow = new Yaml().load(r);
        }
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        Map<String, Object> shard = (Map<String, Object>) jobs.get("shard");
        Map<String, Object> merge = (Map<String, Object>) jobs.get("merge");
        List<Object> shards = (List<Object>) ((Map<String, Object>) ((Map<String, Object>) shard.get("strategy"))
                .get("matrix")).get("shard");

        String run = runs(shard).stream().filter(c -> c.startsWith("./wsbed run")).findFirst().orElseThrow();
        Matcher m = SHARD.matcher(run);
        assertTrue(m.find(), run);
        int n = Integer.parseInt(m.group(1));
        List<Object> expected = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            expected.add(i);
        }
        assertEquals(expected, shards, "the job matrix covers shards 1.." + n);
        assertTrue(run.contains("--seed ${{ github.run_id }}"), "every shard runs with the same seed: " + run);

        assertEquals("shard", merge.get("needs"));
        String mergeRun = runs(merge).stream().filter(c -> c.startsWith("./wsbed merge")).findFirst().orElseThrow();
        assertTrue(mergeRun.contains("--baseline reports/baseline.json"), mergeRun);

        for (Map<String, Object> job : List.of(shard, merge)) {
            for (String command : runs(job)) {
                assertTrue(command.startsWith("./wsbed ") || command.startsWith("sudo apt-get update"),
                        "a step runs something other than the project's own commands: " + command);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> runs(Map<String, Object> job) {
        List<String> out = new ArrayList<>();
        for (Object step : (List<Object>) job.get("steps")) {
            Object run = ((Map<String, Object>) step).get("run");
            if (run != null) {
                out.add(run.toString().strip());
            }
        }
        return out;
    }
}
