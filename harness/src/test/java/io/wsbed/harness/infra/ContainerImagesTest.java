package io.wsbed.harness.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which image a containers run picks: configured, else official when present, else the local stand-in. */
class ContainerImagesTest {
    private static Function<String, Optional<String>> engineHolding(Map<String, String> ids) {
        return name -> Optional.ofNullable(ids.get(name));
    }

    @Test
    void aConfiguredImageWinsEvenWhenTheEngineLacksIt() {
        var choice = new ContainerImages("nginx:1.27", null).chooseNginx(engineHolding(Map.of()));
        assertEquals("nginx:1.27", choice.name());
        assertFalse(choice.local(), "not on the engine: Testcontainers will pull it");
        assertTrue(choice.why().contains("wsbed.nginx.image"), choice.why());
    }

    @Test
    void theOfficialImageIsPreferredWhenTheEngineHoldsBoth() {
        var choice = new ContainerImages(null, null).chooseToxiproxy(engineHolding(Map.of(
                ContainerImages.OFFICIAL_TOXIPROXY, "sha256:aaaa", ContainerImages.LOCAL_TOXIPROXY, "sha256:bbbb")));
        assertEquals(ContainerImages.OFFICIAL_TOXIPROXY, choice.name());
        assertFalse(choice.builtHere());
    }

    @Test
    void theLocalStandInIsUsedWhenOnlyItIsThere() {
        var choice = new ContainerImages(null, null).chooseNginx(engineHolding(Map.of(
                ContainerImages.LOCAL_NGINX, "sha256:0123456789abcdef0123")));
        assertEquals(ContainerImages.LOCAL_NGINX, choice.name());
        assertTrue(choice.builtHere() && choice.local());
        assertEquals("wsbed/nginx:local (sha256:0123456789ab)", choice.label());
    }

    @Test
    void withNeitherImageTheOfficialOneIsChosenToBePulled() {
        var choice = new ContainerImages(null, null).chooseNginx(engineHolding(Map.of()));
        assertEquals(ContainerImages.OFFICIAL_NGINX, choice.name());
        assertEquals(ContainerImages.OFFICIAL_NGINX + " (not yet pulled)", choice.label());
        assertTrue(choice.why().contains("will pull"), choice.why());
    }
}
