package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.ToxicStage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The toxic types the reference registers, with their attribute names in the reference's JSON order
 * and the stage that runs each on a link.
 */
public enum ToxicType {
    LATENCY("latency", List.of("latency", "jitter"), LatencyStage::new),
    BANDWIDTH("bandwidth", List.of("rate"), BandwidthStage::new),
    SLOW_CLOSE("slow_close", List.of("delay"), SlowCloseStage::new),
    TIMEOUT("timeout", List.of("timeout"), TimeoutStage::new),
    RESET_PEER("reset_peer", List.of("timeout"), ResetPeerStage::new),
    SLICER("slicer", List.of("average_size", "size_variation", "delay"), SlicerStage::new),
    LIMIT_DATA("limit_data", List.of("bytes"), LimitDataStage::new),
    /** Accepted by the API and does nothing; toxiproxy-java cannot represent it. */
    NOOP("noop", List.of(), NoopStage::new);

    private final String wireName;
    private final List<String> attributeNames;
    private final Function<Supplier<ToxicSpec>, ToxicStage> stageFactory;

    ToxicType(String wireName, List<String> attributeNames, Function<Supplier<ToxicSpec>, ToxicStage> stageFactory) {
        this.wireName = wireName;
        this.attributeNames = attributeNames;
        this.stageFactory = stageFactory;
    }

    public String wireName() {
        return wireName;
    }

    public List<String> attributeNames() {
        return attributeNames;
    }

    /** A stage for one link that reads the toxic's current spec through {@code spec}. */
    public ToxicStage newStage(Supplier<ToxicSpec> spec) {
        return stageFactory.apply(spec);
    }

    /** The type with this wire name; case-sensitive, as the reference's registry is. */
    public static Optional<ToxicType> fromWireName(String name) {
        for (ToxicType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks what the reference leaves unchecked (it crashes or misbehaves on these): negative
     * values, a slicer average_size of 0, a slicer size_variation not below average_size.
     *
     * @return the problem, or empty when the attributes are valid
     */
    public Optional<String> problem(Map<String, Long> attributes) {
        for (String key : attributeNames) {
            long value = attributes.getOrDefault(key, 0L);
            if (value < 0) {
                return Optional.of("attribute " + key + " must not be negative, got " + value);
            }
        }
        if (this == SLICER) {
            long average = attributes.getOrDefault("average_size", 0L);
            long variation = attributes.getOrDefault("size_variation", 0L);
            if (average <= 0) {
                return Optional.of("attribute average_size must be greater than 0, got " + average);
            }
            if (variation >= average) {
                return Optional.of("attribute size_variation must be less than average_size, got "
                        + variation + " >= " + average);
            }
        }
        return Optional.empty();
    }
}
