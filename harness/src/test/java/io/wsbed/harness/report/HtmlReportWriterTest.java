package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    @Test
    void writesTheFixtureAsItsGoldenFile() {
        Golden.assertMatches("index.html", HtmlReportWriter.write(ReportFixture.results()));
    }

    @Test
    void fetchesNothing() {
        String html = HtmlReportWriter.write(ReportFixture.results());
        assertFalse(Pattern.compile("<(link|img|iframe)\\b|\\ssrc=|@import|url\\(|fetch\\(|XMLHttpRequest")
                .matcher(html).find(), "index.html must not load anything");
    }

    @Test
    void embedsResultsThatReadBackUnchanged() {
        String html = HtmlReportWriter.write(ReportFixture.results());
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"wsbed-results\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "the results are embedded");
        String json = m.group(1);
        assertFalse(json.contains("<"), "no '<' may appear inside the script element");
        assertEquals(ResultsJsonWriter.write(ReportFixture.results()),
                ResultsJsonWriter.write(ResultsJsonReader.parse(json, "embedded")));
    }

    @Test
    void fillsEachPlaceholderOnceAndNeverRereadsValues() {
        assertEquals("a {{b}} c", HtmlReportWriter.fill("a {{x}} c", Map.of("x", "{{b}}")));
        assertThrows(IllegalStateException.class, () -> HtmlReportWriter.fill("{{nope}}", Map.of()));
    }
}
