package io.squeaky.metrics;

import java.time.Duration;

/**
 * The periods the statistics tables are cut into, by the UTC time a case opened: hours, days, or
 * ISO weeks from Monday 00:00 UTC. The same boundaries in batch and streaming.
 */
public enum StatsPeriod {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7));

    /** 1970-01-01 was a Thursday; weeks start on the Monday before, 1969-12-29. */
    private static final long MONDAY_OFFSET_MILLIS = Duration.ofDays(3).toMillis();

    private final long millis;

    StatsPeriod(Duration length) {
        this.millis = length.toMillis();
    }

    public long startOf(long epochMillis) {
        long offset = this == WEEK ? MONDAY_OFFSET_MILLIS : 0;
        return Math.floorDiv(epochMillis + offset, millis) * millis - offset;
    }

    public long endOf(long start) {
        return start + millis;
    }

    public static StatsPeriod fromOption(String value) {
        try {
            return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "period must be hour, day or week, not \"" + value + "\"", e);
        }
    }
}
