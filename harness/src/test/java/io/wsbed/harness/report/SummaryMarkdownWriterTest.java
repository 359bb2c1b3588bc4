package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SummaryMarkdownWriterTest {

    @Test
    void writesTheFixtureAsItsGoldenFile() {
        Golden.assertMatches("summary.md", SummaryMarkdownWriter.write(ReportFixture.results()));
    }

    @Test
    void staysUnderTheLimitAndSaysItWasCut() {
        int limit = 1500;
        String md = SummaryMarkdownWriter.write(ReportFixture.results(), limit);
        assertTrue(md.getBytes(StandardCharsets.UTF_8).length <= limit, "bytes: " + md.length());
        assertTrue(md.contains("**Truncated:**"), md);
        String beforeNote = md.substring(0, md.indexOf("\n**Truncated:**"));
        assertTrue(beforeNote.isEmpty() || beforeNote.endsWith("\n"), "cut at a line boundary");
    }

    @Test
    void theRealLimitIsOneMebibyte() {
        assertTrue(SummaryMarkdownWriter.MAX_BYTES == 1 << 20);
        assertTrue(!SummaryMarkdownWriter.write(ReportFixture.results()).contains("Truncated"));
    }
}
