package io.wsbed.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsbed.harness.result.TimelineEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    void marksTheEventsThatEndedASessionForTheApplicationAndNoSilentSend() throws Exception {
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry("client-1", 1.0, "sent", Map.of("session", "c1", "seq", 1, "outcome", "silent")),
                new TimelineEntry("client-1", 2.0, "sent", Map.of("session", "c1", "seq", 2, "outcome", "ok")),
                new TimelineEntry("client-1", 3.0, "sent", Map.of("session", "c1", "seq", 3, "outcome", "threw")),
                new TimelineEntry("server-1", 4.0, "close", Map.of("session", "s1", "code", 1006)),
                new TimelineEntry("server-1", 5.0, "error", Map.of("session", "s1", "error", "java.io.IOException: x")));
        Results one = ReportFixture.results();
        CellResult c = one.cells().get(0);
        Results r = new Results(one.run(), one.stacks(), one.scenarios(), List.of(new CellResult(c.id(), c.scenario(),
                c.server(), c.client(), c.profile(), c.path(), c.verdict(), c.reason(), c.keyFigure(), c.metrics(),
                c.observations(), timeline, c.logs(), c.timings())));
        JsonNode written = new ObjectMapper().readTree(ResultsJsonWriter.write(r)).path("cells").get(0).path("timeline");
        List<Boolean> ends = new ArrayList<>();
        written.forEach(e -> ends.add(e.path("ends_session").asBoolean(false)));
        assertEquals(List.of(false, false, true, true, true), ends);
    }

    private static void assertOneLine(String expected, Path file) {
        HarnessException e = assertThrows(HarnessException.class, () -> ReportFiles.readResults(file));
        assertTrue(e.getMessage().startsWith("Configuration error: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
