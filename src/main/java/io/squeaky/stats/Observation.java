package io.squeaky.stats;

import java.util.Objects;

/**
 * One subject's follow-up: the time to the event, or to the end of observation when {@code event}
 * is false (right-censored). {@code cluster} names the unit that is resampled together, such as the
 * customer behind several tickets.
 */
public record Observation(double time, boolean event, String cluster) {

    public Observation {
        if (!(time >= 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("time must be finite and non-negative: " + time);
        }
        Objects.requireNonNull(cluster, "cluster");
    }
}
