package io.wsbed.harness.check;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.verdict.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hand-made history is one the schedule could have written: it loads, its cell id names its
 * folder's scenario, and its checker judges it (a broken fixture would show up as an ERROR and
 * test the wrong thing). Histories broken on purpose are made from these in {@link BrokenHistoryTest}.
 */
class FixtureFilesTest {

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(FixtureFilesTest.class.getResource("server-crash").toURI()).getParent();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            assertTrue(names.size() > 10, "fixtures under " + root + ": " + names);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void isAHistoryItsCheckerCanJudge(String file) {
        String scenario = file.substring(0, file.indexOf('/'));
        String name = file.substring(file.indexOf('/') + 1, file.length() - ".json".length());
        Fixture.Judged judged = Fixture.load(scenario, name).check();
        assertNotEquals(Verdict.ERROR, judged.verdict(), judged.fixture() + ": " + judged.reason());
    }
}
