package io.wsbed.toxiproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of the main class: defaults, both option forms, and errors that name the fix. */
class MainOptionsTest {

    @Test
    void defaultsFollowTheReferenceButStayOnLoopback() throws Exception {
        MainOptions options = MainOptions.parse(List.of());
        assertEquals("127.0.0.1", options.host());
        assertEquals(8474, options.port());
        assertNull(options.seed());
        assertNull(options.config());
        assertEquals(false, options.exitOnStdinEof());
    }

    @Test
    void optionsAcceptSeparateAndInlineValues() throws Exception {
        MainOptions options = MainOptions.parse(List.of("--host", "0.0.0.0", "--port=0", "--seed", "-7",
                "--exit-on-stdin-eof"));
        assertEquals("0.0.0.0", options.host());
        assertEquals(0, options.port());
        assertEquals(-7L, options.seed());
        assertTrue(options.exitOnStdinEof());
    }

    @Test
    void theReferencesSingleDashFormsWorkToo() throws Exception {
        MainOptions options = MainOptions.parse(List.of("-host=0.0.0.0", "-port", "8475"));
        assertEquals("0.0.0.0", options.host());
        assertEquals(8475, options.port());
    }

    @Test
    void badOptionsNameTheFix() {
        assertMessage(List.of("--port", "70000"), "--port must be a number from 0 to 65535");
        assertMessage(List.of("--port"), "--port needs a value");
        assertMessage(List.of("--seed", "x"), "--seed must be a whole number");
        assertMessage(List.of("--config", "/no/such/file.json"), "is not a readable file");
        assertMessage(List.of("--verbose"), "unknown option '--verbose'; usage:");
    }

    private static void assertMessage(List<String> args, String expected) {
        MainOptions.UsageException e = assertThrows(MainOptions.UsageException.class, () -> MainOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
