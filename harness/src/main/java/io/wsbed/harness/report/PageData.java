package io.wsbed.harness.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsbed.harness.result.Results;

/**
 * What index.html shows beside results.json that a rule in Java derived from it, as one JSON
 * object: the findings with the title and rule of each kind, the differences per row for the
 * compare view, the stack cards, the fault kind of each scenario, and the stacks.md predictions
 * some cell measured. The records are written as they are, their names in snake_case as in
 * results.json. The page renders these and derives none of them itself.
 */
final class PageData {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private PageData() {
    }

    static String write(Results r) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode rules = root.putObject("rules");
        ObjectNode titles = root.putObject("titles");
        Findings.rules().forEach((kind, text) -> {
            rules.put(kind.name(), text);
            titles.put(kind.name(), kind.title());
        });
        root.put("far", Figures.rule());
        root.set("findings", JSON.valueToTree(Findings.of(r)));
        root.set("compare", JSON.valueToTree(Differences.of(r)));
        root.set("cards", JSON.valueToTree(StackCards.of(r)));
        root.set("kinds", JSON.valueToTree(FaultKinds.of(r)));
        root.set("predictions", JSON.valueToTree(Predictions.check(r).stream().filter(c -> c.observed() != null).toList()));
        return root.toString();
    }
}
