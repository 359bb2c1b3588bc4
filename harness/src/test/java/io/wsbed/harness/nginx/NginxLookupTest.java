package io.wsbed.harness.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxLookupTest {
    @Test
    void givesTheSkipReasonWhenNoNginxIsFound(@TempDir Path emptyDir) {
        NginxLookup lookup = NginxLookup.locate(null, List.of(emptyDir));

        assertFalse(lookup.found());
        assertEquals(Optional.of("nginx not found: install the nginx package or set wsbed.nginx.bin"), lookup.skipReason());
        HarnessException e = assertThrows(HarnessException.class, lookup::binary);
        assertEquals(NginxLookup.MISSING_REASON, e.getMessage());
    }

    @Test
    void alsoSearchesSbinWhichIsOftenNotOnPath() {
        List<Path> dirs = NginxLookup.searchDirs("/opt/x/bin:/usr/bin");

        assertEquals(List.of(Path.of("/opt/x/bin"), Path.of("/usr/bin"), Path.of("/usr/sbin"), Path.of("/usr/local/sbin")), dirs);
    }

    @Test
    void findsTheInstalledNginxAndReadsItsVersion() {
        NginxBinary nginx = NginxTestSupport.nginx();

        assertTrue(nginx.version().matches("\\d+\\.\\d+\\.\\d+.*"), "version: " + nginx.version());
        assertTrue(nginx.path().isAbsolute(), nginx.path().toString());
    }

    @Test
    void aConfiguredPathThatIsNoExecutableIsAConfigurationError(@TempDir Path dir) {
        HarnessException e = assertThrows(HarnessException.class,
                () -> NginxLookup.locate(dir.resolve("nginx").toString(), List.of()));

        assertTrue(e.getMessage().startsWith("Configuration error: wsbed.nginx.bin="), e.getMessage());
    }

    @Test
    void aBlankConfiguredPathMeansSearch(@TempDir Path emptyDir) {
        assertFalse(NginxLookup.locate("  ", List.of(emptyDir)).found());
    }
}
