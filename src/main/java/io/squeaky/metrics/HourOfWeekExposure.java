package io.squeaky.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Waiting time and first replies by local hour of the week (Monday 00:00-01:00 is hour 0), with
 * daylight-saving transitions taken from the zone: waiting time is split at every local hour
 * boundary, and a fall-back hour that happens twice counts twice. Whole weeks of waiting add an
 * hour to every slot at once, so a case waiting for months costs no more than one waiting a week.
 */
final class HourOfWeekExposure {

    static final int HOURS = 168;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;

    private final ZoneRules rules;
    private final long[] waitingMillis = new long[HOURS];
    private final int[] replies = new int[HOURS];
    private long everySlotMillis;

    HourOfWeekExposure(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** Adds a case waiting over {@code [from, to)}, epoch millis. */
    void waiting(long from, long to) {
        long start = from;
        while (start < to) {
            Instant at = Instant.ofEpochMilli(start);
            long offset = rules.getOffset(at).getTotalSeconds() * 1000L;
            ZoneOffsetTransition next = rules.nextTransition(at);
            long end = next == null ? to : Math.min(to, next.getInstant().toEpochMilli());
            waitingLocal(start + offset, end + offset);
            start = end;
        }
    }

    void reply(long at) {
        replies[slot(local(at))]++;
    }

    double waitingHours(int slot) {
        return (waitingMillis[slot] + everySlotMillis) / (double) HOUR;
    }

    int replies(int slot) {
        return replies[slot];
    }

    private void waitingLocal(long from, long to) {
        long weeks = (to - from) / WEEK;
        everySlotMillis += weeks * HOUR;
        long start = from + weeks * WEEK;
        while (start < to) {
            long end = Math.min(to, (Math.floorDiv(start, HOUR) + 1) * HOUR);
            waitingMillis[slot(start)] += end - start;
            start = end;
        }
    }

    private long local(long epochMillis) {
        return epochMillis
                + rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
    }

    /** 1970-01-01 was a Thursday: day 0 of the epoch is day 3 of the week from Monday. */
    static int slot(long localMillis) {
        int dayOfWeek = (int) Math.floorMod(Math.floorDiv(localMillis, DAY) + 3, 7);
        int hour = (int) (Math.floorMod(localMillis, DAY) / HOUR);
        return dayOfWeek * 24 + hour;
    }
}
