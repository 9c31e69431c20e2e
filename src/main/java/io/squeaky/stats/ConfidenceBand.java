package io.squeaky.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pointwise confidence limits for a survival curve: a transform and a two-sided level. */
public record ConfidenceBand(BandTransform transform, double level) {

    /** The band the issue asks for, which R gives with {@code conf.type = "log-log"}. */
    public static final ConfidenceBand LOG_LOG_95 = new ConfidenceBand(BandTransform.LOG_LOG, 0.95);

    public ConfidenceBand {
        if (transform == null) {
            throw new IllegalArgumentException("transform is required");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
    }

    /** The lower limit for S at the step's time; {@link Double#NaN} where R gives NA. */
    public double lower(Step step) {
        return transform.lower(step.survival(), step.logSurvivalSe(), z());
    }

    /** The upper limit for S at the step's time; {@link Double#NaN} where R gives NA. */
    public double upper(Step step) {
        return transform.upper(step.survival(), step.logSurvivalSe(), z());
    }

    /** Newton's method on the error function costs more than the rest of a limit: once a level. */
    private double z() {
        return Z_OF_LEVEL.computeIfAbsent(level, l -> Normal.quantile(1 - (1 - l) / 2));
    }

    private static final Map<Double, Double> Z_OF_LEVEL = new ConcurrentHashMap<>();
}
