package io.wsbed.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsbed.harness.result.KeyFigure;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.Scenarios;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A hand-made history, {@code <scenario-id>/<case>.json} next to this class in the test resources,
 * judged by its scenario's real checker through {@link CellCheck}: the same path a stored
 * results.json takes in {@code wsbed recheck}. A fixture is a JSON object with the cell id, one
 * sentence on what the history shows, and the timeline in the shape results.json stores it.
 */
final class Fixture {
    /** The suite's scaled timings: window 10 s, bound 2500 ms, tick 50 ms, nginx read timeout 2 s. */
    static final Timings TIMINGS = Timings.scaled(10_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Cell cell;
    private final String about;
    private final List<TimelineEntry> timeline;

    private Fixture(String name, Cell cell, String about, List<TimelineEntry> timeline) {
        this.name = name;
        this.cell = cell;
        this.about = about;
        this.timeline = List.copyOf(timeline);
    }

    /** Loads {@code <scenario>/<caseName>.json}; the cell id in the file must name that scenario. */
    static Fixture load(String scenario, String caseName) {
        String name = scenario + "/" + caseName + ".json";
        JsonNode root;
        try (InputStream in = Fixture.class.getResourceAsStream(name)) {
            assertNotNull(in, "no fixture " + name + " next to " + Fixture.class.getName() + " in the test resources");
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + name + " is not JSON", e);
        }
        Cell cell = cell(root.path("cell").asText(""), name);
        assertEquals(scenario, cell.scenario(), name + ": the cell id names another scenario than its folder");
        String about = root.path("about").asText("");
        assertTrue(!about.isBlank(), name + ": a fixture says in 'about' what its history shows");
        List<TimelineEntry> timeline = new ArrayList<>();
        for (JsonNode e : root.path("timeline")) {
            assertTrue(e.hasNonNull("source") && e.path("ms").isNumber() && e.hasNonNull("ev"),
                    name + ": every timeline entry has source, ms and ev: " + e);
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = JSON.convertValue(e.path("fields"), LinkedHashMap.class);
            timeline.add(new TimelineEntry(e.get("source").asText(), e.get("ms").asDouble(), e.get("ev").asText(),
                    fields == null ? Map.of() : fields));
        }
        assertTrue(!timeline.isEmpty(), name + ": the timeline is empty");
        return new Fixture(name, cell, about, timeline);
    }

    /** scenario.server.client.profile.path, as {@link Cell#id()} writes it. */
    private static Cell cell(String id, String where) {
        String[] p = id.split("\\.");
        assertEquals(5, p.length, where + ": cell id '" + id + "' is not scenario.server.client.profile.path");
        return new Cell(p[0], p[1], p[2], Profile.byId(p[3]), NetworkPath.byId(p[4], where));
    }

    /** The history as results.json would store it. */
    List<TimelineEntry> timeline() {
        return timeline;
    }

    /** The same history judged as a sibling scenario would judge it (same cell otherwise). */
    Fixture as(String scenario) {
        return new Fixture(name + " as " + scenario, new Cell(scenario, cell.server(), cell.client(), cell.profile(),
                cell.path()), about, timeline);
    }

    /** The same history in another profile (nothing in a timeline names the profile; the cell does). */
    Fixture in(Profile profile) {
        return new Fixture(name + " in " + profile.id(), new Cell(cell.scenario(), cell.server(), cell.client(), profile,
                cell.path()), about, timeline);
    }

    /** The same history with some entries changed (an outcome word, a time). */
    Fixture map(UnaryOperator<TimelineEntry> change) {
        return new Fixture(name + " (changed)", cell, about, timeline.stream().map(change).toList());
    }

    /** The same history with one more entry. */
    Fixture plus(TimelineEntry extra) {
        List<TimelineEntry> more = new java.util.ArrayList<>(timeline);
        more.add(extra);
        return new Fixture(name + " (with more)", cell, about, more);
    }

    /** The same history without the entries that match. */
    Fixture without(Predicate<TimelineEntry> drop) {
        return new Fixture(name + " (trimmed)", cell, about, timeline.stream().filter(drop.negate()).toList());
    }

    /** Judged with the suite's scaled timings. */
    Judged check() {
        return check(TIMINGS);
    }

    Judged check(Timings timings) {
        Scenario scenario = Scenarios.create(cell.scenario());
        Outcome o = CellCheck.check(scenario, cell, timings, timeline);
        return new Judged(name + " (" + about + ")", o, KeyFigure.of(scenario.keyMetric(), o.metrics()));
    }

    /** What the checker said about a fixture, with assertions that name the fixture when they fail. */
    record Judged(String fixture, Outcome outcome, String keyFigure) {

        Verdict verdict() {
            return outcome.judgement().verdict();
        }

        String reason() {
            return outcome.judgement().reason();
        }

        Map<String, Object> metrics() {
            return outcome.metrics();
        }

        Map<String, Object> observations() {
            return outcome.observations();
        }

        /** The verdict, and key words the reason must contain. */
        Judged is(Verdict expected, String... words) {
            assertEquals(expected, verdict(), fixture + ": " + reason());
            for (String w : words) {
                assertTrue(reason().contains(w), fixture + ": the reason lacks '" + w + "': " + reason());
            }
            return this;
        }

        /**
         * Exactly these metrics, in any order; numbers compare by value whatever their boxed type.
         * Wire figures ({@code *_wire_ms}, {@code *_reaction_ms}) not named must be null: a history
         * without a capture has none. The handshake figures every nginx-path cell gets
         * ({@link HandshakeTime}) are pinned where a test names them (HandshakeTimeTest, the wss
         * fixtures) and left alone elsewhere.
         */
        Judged metrics(Object... nameValue) {
            Map<String, Object> expected = pairs(nameValue);
            metrics().forEach((k, v) -> {
                if ((k.equals(HandshakeTime.METRIC) || k.equals(HandshakeTime.RECONNECT_METRIC)) && !expected.containsKey(k)) {
                    expected.put(k, v);
                }
                if ((k.endsWith("_wire_ms") || k.endsWith("_reaction_ms")) && !expected.containsKey(k)) {
                    assertEquals(null, v, fixture + ": wire figure " + k + " without a capture");
                    expected.put(k, null);
                }
            });
            assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(metrics().keySet()),
                    fixture + ": a metric is missing or new: " + metrics());
            expected.forEach((k, v) -> same(k, v, metrics()));
            return this;
        }

        /** These metrics (the checker may report more). */
        Judged figures(Object... nameValue) {
            pairs(nameValue).forEach((k, v) -> {
                assertTrue(metrics().containsKey(k), fixture + ": no metric " + k + " in " + metrics());
                same(k, v, metrics());
            });
            return this;
        }

        /** These observations (the checker may report more). */
        Judged observations(Object... nameValue) {
            pairs(nameValue).forEach((k, v) -> {
                assertTrue(observations().containsKey(k), fixture + ": no observation " + k + " in " + observations());
                same(k, v, observations());
            });
            return this;
        }

        Judged keyFigure(String expected) {
            assertEquals(expected, keyFigure, fixture + ": key figure");
            return this;
        }

        private void same(String key, Object expected, Map<String, Object> actual) {
            Object a = actual.get(key);
            if (expected instanceof Number n && a instanceof Number m) {
                assertEquals(n.doubleValue(), m.doubleValue(), 1e-9, fixture + ": " + key + " in " + actual);
            } else {
                assertEquals(expected, a, fixture + ": " + key + " in " + actual);
            }
        }

        private static Map<String, Object> pairs(Object... nameValue) {
            assertEquals(0, nameValue.length % 2, "name, value pairs");
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < nameValue.length; i += 2) {
                m.put((String) nameValue[i], nameValue[i + 1]);
            }
            return m;
        }
    }
}
