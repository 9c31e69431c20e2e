package io.squeaky.pressure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squeaky.records.PressureBucket;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Turns a case's pressure features into a coarse band for BI. Each feature has three thresholds
 * (low, medium, high); the band is the highest any known feature reaches, at least LOW for a case
 * escalated from a traditional channel. Unknown features do not count; they are not zero.
 * Thresholds come from jobs/config/pressure.json.
 */
public final class PressureThresholds implements Serializable {

    public static final String BUNDLED_RESOURCE = "/squeaky/pressure.json";

    private final double[] reach;
    private final double[] amplification;
    private final double[] persistence;
    private final double[] storm;

    PressureThresholds(
            double[] reach, double[] amplification, double[] persistence, double[] storm) {
        this.reach = reach;
        this.amplification = amplification;
        this.persistence = persistence;
        this.storm = storm;
    }

    public static PressureThresholds bundled() {
        try (InputStream in = PressureThresholds.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "pressure thresholds " + BUNDLED_RESOURCE + " missing");
            }
            return parse(new ObjectMapper().readTree(in), BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PressureThresholds load(Path file) throws IOException {
        return parse(new ObjectMapper().readTree(Files.readString(file)), file.toString());
    }

    static PressureThresholds parse(JsonNode root, String origin) {
        return new PressureThresholds(
                levels(root, "reach_followers", origin),
                levels(root, "amplification", origin),
                levels(root, "persistence", origin),
                levels(root, "brand_storm", origin));
    }

    private static double[] levels(JsonNode root, String name, String origin) {
        JsonNode node = root.path(name);
        if (!node.isArray() || node.size() != 3) {
            throw new IllegalArgumentException(
                    origin + ": \"" + name + "\" must list three thresholds: low, medium, high");
        }
        double[] levels = {node.get(0).asDouble(), node.get(1).asDouble(), node.get(2).asDouble()};
        if (!(levels[0] <= levels[1] && levels[1] <= levels[2])) {
            throw new IllegalArgumentException(origin + ": \"" + name + "\" must not decrease");
        }
        return levels;
    }

    /** The thresholds, canonically: part of the statistics' configuration hash. */
    @Override
    public String toString() {
        return "pressure[reach_followers="
                + Arrays.toString(reach)
                + ", amplification="
                + Arrays.toString(amplification)
                + ", persistence="
                + Arrays.toString(persistence)
                + ", brand_storm="
                + Arrays.toString(storm)
                + "]";
    }

    public PressureBucket bucket(
            Long reachFollowers,
            Integer amplificationCount,
            int persistenceCount,
            Double brandStorm,
            boolean escalated) {
        int level = escalated ? 1 : 0;
        level = Math.max(level, level(reachFollowers, reach));
        level = Math.max(level, level(amplificationCount, amplification));
        level = Math.max(level, level(persistenceCount, persistence));
        level = Math.max(level, level(brandStorm, storm));
        return PressureBucket.values()[level];
    }

    private static int level(Number value, double[] thresholds) {
        if (value == null) {
            return 0;
        }
        int level = 0;
        for (double threshold : thresholds) {
            if (value.doubleValue() >= threshold) {
                level++;
            }
        }
        return level;
    }
}
