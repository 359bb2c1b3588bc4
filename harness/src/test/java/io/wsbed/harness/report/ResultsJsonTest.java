package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

    @Test
    void writesTheFixtureAsItsGoldenFile() {
        Golden.assertMatches("results.json", ResultsJsonWriter.write(ReportFixture.results()));
    }

    @Test
    void readingAndWritingAgainGivesTheSameText() {
        String written = ResultsJsonWriter.write(ReportFixture.results());
        Results back = ResultsJsonReader.parse(written, "fixture");
        assertEquals(written, ResultsJsonWriter.write(back));
    }

    @Test
    void keepsRepetitionsAndTheFlakyMark() {
        Results back = ResultsJsonReader.parse(ResultsJsonWriter.write(ReportFixture.results()), "fixture");
        CellResult flaky = back.cells().stream().filter(CellResult::flaky).findFirst().orElseThrow();
        assertEquals("server-crash.undertow.jdk.default.direct", flaky.id());
        assertEquals(3, flaky.runs());
        assertTrue(flaky.metrics().get("client_detect_ms") instanceof java.util.Map<?, ?>);
    }

    @Test
    void namesTheFileAndTheProblemOnOneLine(@TempDir Path dir) throws Exception {
        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, "{\"schema\": \"other/2\"}");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schema\": ");
        assertOneLine("wrong.json has schema 'other/2', expected 'wsbed.results/1'", wrong);
        assertOneLine("broken.json is not JSON", broken);
        assertOneLine("missing.json does not exist", dir.resolve("missing.json"));
    }

    @Test
    void rejectsAnUnknownVerdict() {
        String text = ResultsJsonWriter.write(ReportFixture.results()).replaceFirst("\"verdict\" : \"PASS\"",
                "\"verdict\" : \"GREAT\"");
        HarnessException e = assertThrows(HarnessException.class, () -> ResultsJsonReader.parse(text, "x.json"));
        assertTrue(e.getMessage().contains("verdict 'GREAT'"), e.getMessage());
    }

    private static void assertOneLine(String expected, Path file) {
        HarnessException e = assertThrows(HarnessException.class, () -> ReportFiles.readResults(file));
        assertTrue(e.getMessage().startsWith("Configuration error: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
