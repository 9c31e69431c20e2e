package io.squeaky.metrics;

import java.io.Serializable;
import java.time.Duration;

/**
 * When provisional statistics are computed for periods not yet final. A streaming run computes them
 * at every {@code every} of event time (instants that are whole multiples of it since the epoch, so
 * every run and every subtask ticks at the same instants); a batch run cut at {@code asOf} computes
 * them once, at that instant. Neither shapes the final rows, so neither is in the configuration
 * hash.
 *
 * @param everyMillis the provisional interval, 0 for none
 * @param asOf the instant a batch run is cut at, or null for a run over its whole input
 */
public record ProvisionalSchedule(long everyMillis, Long asOf) implements Serializable {

    public static final Duration DEFAULT_EVERY = Duration.ofHours(1);
    public static final ProvisionalSchedule OFF = new ProvisionalSchedule(0, null);

    public ProvisionalSchedule {
        if (everyMillis < 0) {
            throw new IllegalArgumentException("provisional interval is negative: " + everyMillis);
        }
    }

    public static ProvisionalSchedule every(Duration interval) {
        return new ProvisionalSchedule(interval.toMillis(), null);
    }

    public static ProvisionalSchedule cutAt(long asOf) {
        return new ProvisionalSchedule(0, asOf);
    }

    /** Whether event time ticks: a streaming run with an interval. */
    public boolean ticks() {
        return everyMillis > 0;
    }

    /** Whether the instant is a provisional instant. */
    public boolean isTick(long instant) {
        return ticks() && Math.floorMod(instant, everyMillis) == 0;
    }

    /** The first provisional instant strictly after {@code instant}. */
    public long tickAfter(long instant) {
        // Long.MIN_VALUE (no watermark yet) would overflow below; any instant that early will do.
        long from = Math.max(instant, Long.MIN_VALUE + everyMillis);
        long next = from - Math.floorMod(from, everyMillis) + everyMillis;
        return next < from ? Long.MAX_VALUE : next;
    }

    /** The last provisional instant at or before {@code instant}. */
    public long tickAtOrBefore(long instant) {
        return instant - Math.floorMod(instant, everyMillis);
    }

    /** The first provisional instant at or after {@code instant}. */
    public long tickAtOrAfter(long instant) {
        return isTick(instant) ? instant : tickAfter(instant);
    }

    /**
     * Whether a batch run cut at {@link #asOf} writes a period firing at {@code firesAt} as
     * provisional: its cases may still be open at the cut.
     */
    public boolean provisionalAtCut(long firesAt) {
        return asOf != null && firesAt > asOf;
    }
}
