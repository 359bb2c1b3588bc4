package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.TimelineEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebElement;

/**
 * Opens a report's index.html from disk in headless Chromium and checks it as a reader would: the
 * findings the harness derived are listed first, in its order, each linked to its cell; every cell
 * of results.json can be found in the matrix through the view controls; a click on a cell opens
 * its timeline (one lane per process, one marker per event, the fault window shaded); a shared
 * compare link shows exactly the rows where the two stacks differ, both timelines on one axis; a
 * stack's card opens; and the page fetched nothing. Saves screenshot-findings.png,
 * screenshot-matrix.png, screenshot-cell.png, screenshot-compare.png and screenshot-card.png
 * beside it.
 */
final class ReportInChromium {
    private ReportInChromium() {
    }

    static void check(Path reportDir) {
        ChromiumPage.missing().ifPresent(Assumptions::abort);
        Results results = ReportFiles.readResults(reportDir.resolve("results.json"));
        try (ChromiumPage page = ChromiumPage.open(reportDir.resolve("index.html"),
                reportDir.resolve("logs").resolve("_run").resolve("chromedriver.log"))) {
            page.screenshot(reportDir.resolve("screenshot-findings.png"));
            ReportParts.checkFindings(page, results);
            page.script("document.getElementById('matrix-section').scrollIntoView();");
            page.screenshot(reportDir.resolve("screenshot-matrix.png"));
            Set<String> expected = new TreeSet<>(results.cells().stream().map(CellResult::id).toList());
            assertEquals(expected, cellsAcrossViews(page), "the matrix must offer every cell of results.json");
            CellResult target = pickCell(results);
            showCellInMatrix(page, target);
            page.click("button.cell[data-cell='" + target.id() + "']");
            page.await("the timeline of " + target.id(), () -> !page.all("#detail[data-cell='" + target.id()
                    + "'] svg.timeline").isEmpty());
            page.screenshot(reportDir.resolve("screenshot-cell.png"));
            checkTimeline(page, target);
            ReportParts.checkCompare(page, results, reportDir.resolve("screenshot-compare.png"));
            ReportParts.checkCard(page, results, reportDir.resolve("screenshot-card.png"));
            Object fetched = page.script("return performance.getEntriesByType('resource').map(e => e.name);");
            assertEquals(List.of(), fetched, "index.html must be self-contained, yet it fetched resources");
        }
    }

    /** Walks both views and every pinned stack through the page's own controls. */
    private static Set<String> cellsAcrossViews(ChromiumPage page) {
        Set<String> seen = new TreeSet<>();
        for (String view : List.of("server", "client")) {
            page.click("[data-control='view'] button[data-value='" + view + "']");
            page.click("[data-control='profile'] button[data-value='all']");
            page.click("[data-control='path'] button[data-value='all']");
            List<String> pins = page.all("#pin option").stream().map(o -> o.getAttribute("value")).toList();
            for (String pin : pins) {
                page.click("#pin option[value='" + pin + "']");
                page.await("the matrix against " + pin, () -> pin.equals(page.script(
                        "return document.getElementById('pin').value;")));
                ((List<?>) page.script("return Array.from(document.querySelectorAll('#matrix-table button.cell'))"
                        + ".map(b => b.getAttribute('data-cell'));")).forEach(id -> seen.add((String) id));
            }
        }
        return seen;
    }

    /** A cell with a fault and a reaction to it, so the timeline shows what a reader looks for. */
    private static CellResult pickCell(Results results) {
        return results.cells().stream()
                .filter(c -> c.timeline().stream().anyMatch(e -> e.source().equals("harness") && e.ev().equals("fault")))
                .filter(c -> c.timeline().stream().anyMatch(e -> e.ev().equals("close") || e.ev().equals("error")))
                .findFirst().orElse(results.cells().get(0));
    }

    private static void showCellInMatrix(ChromiumPage page, CellResult c) {
        page.click("[data-control='view'] button[data-value='server']");
        if (pickPin(page, c.client(), c)) {
            return;
        }
        page.click("[data-control='view'] button[data-value='client']");
        assertTrue(pickPin(page, c.server(), c), c.id() + " is in neither view of the matrix");
    }

    private static boolean pickPin(ChromiumPage page, String pin, CellResult c) {
        if (page.all("#pin option[value='" + pin + "']").isEmpty()) {
            return false;
        }
        page.click("#pin option[value='" + pin + "']");
        return !page.all("button.cell[data-cell='" + c.id() + "']").isEmpty();
    }

    private static void checkTimeline(ChromiumPage page, CellResult c) {
        String svg = "#detail svg.timeline";
        long sources = c.timeline().stream().map(TimelineEntry::source).distinct().count();
        assertEquals(sources, page.all(svg + " rect.lane").size(), "one lane per process of " + c.id());
        page.click("#tl-whole");
        assertEquals(c.timeline().size(), page.all(svg + " g.ev").size(), "one marker per event of " + c.id());
        long wire = c.timeline().stream().filter(e -> e.source().equals("wire")).count();
        if (wire > 0) {
            assertEquals(1, page.all(svg + " rect.lane[data-lane='wire']").size(), "the wire lane of " + c.id());
            assertEquals(wire, page.all(svg + " g.ev[data-source='wire']").size(), "the packets on the wire lane of " + c.id());
        }
        boolean fault = c.timeline().stream().anyMatch(e -> e.source().equals("harness") && e.ev().equals("fault"));
        if (fault) {
            assertFalse(page.all(svg + " rect.fault-window").isEmpty(), "the fault window of " + c.id() + " is shaded");
        }
        WebElement reason = page.all("#detail .reason").get(0);
        assertEquals(c.reason(), reason.getText(), "the detail shows the verdict's reason");
        assertTrue(page.all("#detail #metrics tr").size() >= Math.max(1, c.metrics().size()), "every metric is listed");
    }
}
