package io.squeaky.cases;

import io.squeaky.clock.BusinessSchedule;
import java.time.Instant;

/** Whole seconds between two epoch-millisecond instants, on the calendar or the desk's clock. */
final class Durations {

    private Durations() {}

    static long seconds(long fromMillis, long toMillis) {
        return Math.floorDiv(toMillis - fromMillis, 1000L);
    }

    static long businessSeconds(BusinessSchedule desk, long fromMillis, long toMillis) {
        return desk.businessSeconds(
                Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis));
    }

    /** The earlier of two optional instants. */
    static Long earliest(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
