package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.report.Differences;
import io.wsbed.harness.report.Findings;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.stack.StackInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.WebElement;

/**
 * The checks of the report's reading aids in a real browser, each against what the harness itself
 * derives from the same results.json: the findings list, the comparison of two stacks and a stack
 * card. The page must show what Java derived, in its order, no more and no less.
 */
final class ReportParts {
    private ReportParts() {
    }

    /** Every finding of report/Findings, in its order, with its sentence and a link that opens its cell. */
    static void checkFindings(ChromiumPage page, Results results) {
        List<Findings.Finding> expected = Findings.of(results);
        if (expected.isEmpty()) {
            assertFalse(page.all("#findings-none").isEmpty(), "a run without findings says so");
            return;
        }
        for (WebElement more : page.all("#findings button.more")) {
            page.script("arguments[0].click();", more);
        }
        // One round trip for the whole list: [data-cell, link text, link href] of each item.
        List<?> items = (List<?>) page.script("return Array.from(document.querySelectorAll('#findings ol.findings > li'))"
                + ".map(li => { const a = li.querySelector('a.finding-link');"
                + " return [li.getAttribute('data-cell'), a.textContent, a.getAttribute('href')]; });");
        assertEquals(expected.stream().map(Findings.Finding::cell).toList(),
                items.stream().map(i -> ((List<?>) i).get(0)).toList(), "the findings the harness derived, in its order");
        for (int i = 0; i < items.size(); i++) {
            List<?> item = (List<?>) items.get(i);
            assertEquals(expected.get(i).text(), item.get(1), "finding " + (i + 1) + " reads as the harness wrote it");
            assertEquals("#cell=" + URLEncoder.encode(expected.get(i).cell(), StandardCharsets.UTF_8), item.get(2),
                    "finding " + (i + 1) + " links its cell");
        }
        String first = expected.get(0).cell();
        page.click("#findings ol.findings > li:first-child a.finding-link");
        page.await("the cell of the first finding", () -> !page.all("#detail[data-cell='" + first + "']").isEmpty());
        page.click("#detail button.close");
    }

    /**
     * Loads a shared compare link for a pair of stacks that differ in some rows (and agree in others,
     * when any pair does) and checks that exactly the rows report/Differences lists are shown, the
     * first with both timelines on one time axis.
     */
    static void checkCompare(ChromiumPage page, Results results, Path screenshot) {
        List<Differences.Row> rows = Differences.of(results);
        Optional<String[]> pair = pair(rows);
        if (pair.isEmpty()) {
            return;
        }
        String a = pair.get()[0];
        String b = pair.get()[1];
        page.go("?compare=" + a + "," + b);
        List<String> expected = rows.stream().filter(r -> r.cells().containsKey(a) && r.cells().containsKey(b))
                .filter(r -> differ(r, a, b)).map(r -> r.cells().get(a) + " " + r.cells().get(b)).toList();
        Object shown = page.script("return Array.from(document.querySelectorAll('#compare .compare-row'))"
                + ".map(r => r.getAttribute('data-cells'));");
        assertEquals(expected, shown, "the compare view of " + a + " and " + b + " shows exactly the rows where they differ");
        if (expected.isEmpty()) {
            return;
        }
        List<WebElement> first = page.all("#compare .compare-row").get(0)
                .findElements(org.openqa.selenium.By.cssSelector("svg.timeline"));
        long recorded = List.of(expected.get(0).split(" ")).stream().filter(id -> results.cells().stream()
                .anyMatch(c -> c.id().equals(id) && !c.timeline().isEmpty())).count();
        assertEquals(recorded, first.size(), "a timeline for each cell of the first differing row that recorded events");
        Object axes = page.script("return Array.from(arguments[0]).map(s => s.querySelector('line.t0')"
                + " ? s.querySelector('line.t0').getAttribute('x1') : s.getAttribute('viewBox'));", first);
        assertTrue(((List<?>) axes).stream().distinct().count() <= 1, "one time axis for both: " + axes);
        page.script("document.getElementById('compare-section').scrollIntoView();");
        page.screenshot(screenshot);
    }

    /** Opens the card of the stack with the most findings from a shared link, closes it and opens it with its button. */
    static void checkCard(ChromiumPage page, Results results, Path screenshot) {
        List<Findings.Finding> findings = Findings.of(results);
        String stack = results.stacks().stream().map(StackInfo::id)
                .max(java.util.Comparator.comparingLong(id -> findings.stream().filter(f -> id.equals(f.stack())).count()))
                .orElseThrow();
        page.go("?card=" + stack);
        assertTrue(page.all("#card[data-stack='" + stack + "']").stream().anyMatch(WebElement::isDisplayed),
                "a shared card link opens the card of " + stack);
        page.click("#card button.close");
        assertFalse(page.driver().getCurrentUrl().contains("card="), "a closed card leaves the address");
        page.click("button.card-pick[data-card='" + stack + "']");
        page.await("the card of " + stack, () -> page.all("#card[data-stack='" + stack + "']").stream()
                .anyMatch(WebElement::isDisplayed));
        for (String part : List.of("#card-told", "#card-sends", "#card-figures", "#card-predictions")) {
            assertFalse(page.all("#card " + part).isEmpty(), "the card of " + stack + " has " + part);
        }
        assertTrue(page.driver().getCurrentUrl().contains("card=" + stack), "the open card is in the address");
        page.screenshot(screenshot);
    }

    /** The first pair that differs in one row and agrees in another; else the first pair that differs at all. */
    private static Optional<String[]> pair(List<Differences.Row> rows) {
        Optional<String[]> any = Optional.empty();
        for (Differences.Row row : rows) {
            for (String key : row.pairs().keySet()) {
                String[] p = key.split(" ");
                boolean agreesSomewhere = rows.stream().anyMatch(r -> r.cells().containsKey(p[0])
                        && r.cells().containsKey(p[1]) && !differ(r, p[0], p[1]));
                if (agreesSomewhere) {
                    return Optional.of(p);
                }
                any = any.isPresent() ? any : Optional.of(p);
            }
        }
        return any;
    }

    private static boolean differ(Differences.Row r, String a, String b) {
        return r.pairs().containsKey(a + " " + b) || r.pairs().containsKey(b + " " + a);
    }
}
