package io.squeaky.generate;

import io.squeaky.clock.BusinessSchedule;
import java.time.Instant;
import java.util.Arrays;

/**
 * Business seconds under a {@link BusinessSchedule}, answered from a running total kept per
 * quarter-hour: a ground-truth row needs a dozen intervals, and walking the schedule day by day for
 * each would cost more than generating the case. Blocks the desk works entirely or not at all are
 * counted from the total; the schedule itself answers inside a block where hours begin or end. The
 * schedule's spans start and end on whole seconds, so business seconds add up over adjacent
 * intervals and the difference of two totals equals the schedule's own answer exactly.
 */
final class BusinessClock {

    private static final int BLOCK = 900;

    private final BusinessSchedule schedule;
    private final long origin;
    private long[] totalBefore = new long[0];
    private int[] inBlock = new int[0];
    private int blocks;

    /** A clock for instants from {@code origin} (epoch seconds) on. */
    BusinessClock(BusinessSchedule schedule, long origin) {
        this.schedule = schedule;
        this.origin = Math.floorDiv(origin, BLOCK) * BLOCK;
    }

    BusinessSchedule schedule() {
        return schedule;
    }

    /** Business seconds in {@code [from, to)}; zero when {@code to <= from}. */
    long between(long from, long to) {
        return to <= from ? 0 : since(to) - since(from);
    }

    /** Business seconds from the origin to {@code at}. */
    private long since(long at) {
        if (at < origin) {
            throw new IllegalArgumentException("instant before the clock's origin: " + at);
        }
        int block = Math.toIntExact((at - origin) / BLOCK);
        extendTo(block);
        long blockStart = origin + (long) block * BLOCK;
        int open = inBlock[block];
        if (open == 0) {
            return totalBefore[block];
        }
        if (open == BLOCK) {
            return totalBefore[block] + (at - blockStart);
        }
        return totalBefore[block]
                + schedule.businessSeconds(
                        Instant.ofEpochSecond(blockStart), Instant.ofEpochSecond(at));
    }

    private void extendTo(int block) {
        if (block < blocks) {
            return;
        }
        int capacity = Math.max(block + 1, Math.max(1024, blocks * 2));
        totalBefore = Arrays.copyOf(totalBefore, capacity);
        inBlock = Arrays.copyOf(inBlock, capacity);
        for (int b = blocks; b < capacity; b++) {
            long start = origin + (long) b * BLOCK;
            totalBefore[b] = b == 0 ? 0 : totalBefore[b - 1] + inBlock[b - 1];
            inBlock[b] =
                    (int)
                            schedule.businessSeconds(
                                    Instant.ofEpochSecond(start),
                                    Instant.ofEpochSecond(start + BLOCK));
        }
        blocks = capacity;
    }
}
