package io.wsbed.toxiproxy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conformance items 8-10 through toxiproxy-java: create, read back, partial update, remove. */
class ToxicApiTest extends EmbeddedServerTest {
    private ToxicList toxics;

    @BeforeEach
    void proxy() throws IOException {
        Proxy proxy = client.createProxy("toxic-host", "127.0.0.1:0", "127.0.0.1:1");
        toxics = proxy.toxics();
    }

    @Test
    void everyFactoryCreatesAToxicThatReadsBackWithItsType() throws IOException {
        toxics.latency("lat", ToxicDirection.DOWNSTREAM, 120);
        toxics.bandwidth("bw", ToxicDirection.UPSTREAM, 64);
        toxics.slowClose("sc", ToxicDirection.DOWNSTREAM, 30);
        toxics.timeout("to", ToxicDirection.UPSTREAM, 40);
        toxics.resetPeer("rp", ToxicDirection.DOWNSTREAM, 50);
        toxics.slicer("sl", ToxicDirection.UPSTREAM, 16, 70);
        toxics.limitData("ld", ToxicDirection.DOWNSTREAM, 80);

        assertEquals(120, toxics.get("lat", Latency.class).getLatency());
        assertEquals(0, toxics.get("lat", Latency.class).getJitter());
        assertEquals(64, toxics.get("bw", Bandwidth.class).getRate());
        assertEquals(30, toxics.get("sc", SlowClose.class).getDelay());
        assertEquals(40, toxics.get("to", Timeout.class).getTimeout());
        assertEquals(50, toxics.get("rp", ResetPeer.class).getTimeout());
        Slicer slicer = toxics.get("sl", Slicer.class);
        assertEquals(List.of(16L, 0L, 70L), List.of(slicer.getAverageSize(), slicer.getSizeVariation(), slicer.getDelay()));
        assertEquals(80, toxics.get("ld", LimitData.class).getBytes());
        assertInstanceOf(Timeout.class, toxics.get("to"));
        assertThrows(IllegalArgumentException.class, () -> toxics.get("to", Latency.class));

        List<? extends Toxic> all = toxics.getAll();
        assertEquals(List.of("bw", "to", "sl", "lat", "sc", "rp", "ld"), all.stream().map(Toxic::getName).toList(),
                "upstream toxics first, then downstream, each in insertion order");
        for (Toxic toxic : all) {
            assertEquals(1.0f, toxic.getToxicity(), toxic.getName());
        }
        assertEquals(ToxicDirection.UPSTREAM, all.get(0).getStream());
        assertEquals(ToxicDirection.DOWNSTREAM, all.get(3).getStream());
    }

    @Test
    void toxicNamesAreUniqueAcrossStreams() throws IOException {
        toxics.latency("same", ToxicDirection.DOWNSTREAM, 1);
        IOException e = assertThrows(IOException.class, () -> toxics.timeout("same", ToxicDirection.UPSTREAM, 1));
        assertEquals("[409] toxic already exists", e.getMessage());
    }

    @Test
    void settersMergeOneAttributeAndKeepEverythingElse() throws IOException {
        Latency latency = toxics.latency("lat", ToxicDirection.DOWNSTREAM, 100);

        latency.setJitter(15);
        assertEquals(100, toxics.get("lat", Latency.class).getLatency(), "setJitter keeps latency");
        assertEquals(15, toxics.get("lat", Latency.class).getJitter());

        latency.setToxicity(0.1f);
        Latency read = toxics.get("lat", Latency.class);
        assertEquals(0.1f, read.getToxicity());
        assertEquals(List.of(100L, 15L), List.of(read.getLatency(), read.getJitter()), "setToxicity keeps attributes");

        latency.setLatency(250);
        read = toxics.get("lat", Latency.class);
        assertEquals(0.1f, read.getToxicity(), "a setter keeps the toxicity");
        assertEquals(List.of(250L, 15L), List.of(read.getLatency(), read.getJitter()));
    }

    @Test
    void slicerSettersKeepTheOtherSizes() throws IOException {
        Slicer slicer = toxics.slicer("sl", ToxicDirection.UPSTREAM, 100, 5);
        slicer.setSizeVariation(10);
        slicer.setAverageSize(50);
        Slicer read = toxics.get("sl", Slicer.class);
        assertEquals(List.of(50L, 10L, 5L), List.of(read.getAverageSize(), read.getSizeVariation(), read.getDelay()));
    }

    @Test
    void removedToxicDisappearsAndASecondRemoveIs404() throws IOException {
        Bandwidth bandwidth = toxics.bandwidth("bw", ToxicDirection.DOWNSTREAM, 10);
        toxics.limitData("ld", ToxicDirection.DOWNSTREAM, 10);

        bandwidth.remove();

        assertEquals(List.of("ld"), toxics.getAll().stream().map(Toxic::getName).toList());
        assertThrows(FileNotFoundException.class, bandwidth::remove);
        IOException e = assertThrows(IOException.class, () -> toxics.get("bw"));
        assertEquals("[404] toxic not found", e.getMessage());
    }

    @Test
    void invalidValuesAreRejectedWith400() {
        IOException negative = assertThrows(IOException.class, () -> toxics.latency("neg", ToxicDirection.DOWNSTREAM, -5));
        assertEquals("[400] bad request body: attribute latency must not be negative, got -5", negative.getMessage());
        IOException slicer = assertThrows(IOException.class, () -> toxics.slicer("zero", ToxicDirection.UPSTREAM, 0, 1));
        assertEquals("[400] bad request body: attribute average_size must be greater than 0, got 0", slicer.getMessage());
        assertThrows(IOException.class, () -> toxics.bandwidth("neg-rate", ToxicDirection.UPSTREAM, -1));
    }
}
