package io.squeaky.generate;

import io.squeaky.clock.BusinessSchedule;
import java.time.Instant;
import java.util.List;

/**
 * The pressure on one ticket over time, and the exact draw of an event time from a hazard that is
 * piecewise constant over it: the hazard changes only when the case goes public, at each customer
 * post and when the desk opens or closes, so the cumulative hazard is piecewise linear and is
 * inverted piece by piece (the event happens when it reaches a standard exponential draw). The
 * desk's hours are walked a week at a time, as far as the draw needs.
 *
 * @param publicAt epoch second the case goes public, Long.MAX_VALUE if it never does
 * @param posts epoch seconds of the customer's posts, in order
 */
record PressureTimeline(
        long opened,
        long publicAt,
        long[] posts,
        double fixedRatio,
        BusinessSchedule schedule,
        HazardModel model) {

    private static final long WEEK = 7 * 86_400L;

    /**
     * Epoch seconds (fractional) at which a hazard of {@code baseline} per second reaches {@code
     * target}.
     */
    double eventTime(double baseline, double target) {
        double remaining = target;
        long windowStart = opened;
        while (true) {
            long windowEnd = windowStart + WEEK;
            List<Instant> deskChanges =
                    schedule.changes(
                            Instant.ofEpochSecond(windowStart), Instant.ofEpochSecond(windowEnd));
            boolean open = schedule.isOpen(Instant.ofEpochSecond(windowStart));
            int nextDesk = 0;
            long t = windowStart;
            while (t < windowEnd) {
                long deskAt =
                        nextDesk < deskChanges.size()
                                ? deskChanges.get(nextDesk).getEpochSecond()
                                : windowEnd;
                long next = Math.min(Math.min(deskAt, windowEnd), nextChange(t));
                double rate =
                        baseline
                                * fixedRatio
                                * model.pressureRatio(t >= publicAt, postsBy(t), open);
                double piece = rate * (next - t);
                if (piece >= remaining) {
                    return t + remaining / rate;
                }
                remaining -= piece;
                if (next == deskAt && deskAt < windowEnd) {
                    open = !open;
                    nextDesk++;
                }
                t = next;
            }
            windowStart = windowEnd;
        }
    }

    /** The first change of public or posts after {@code t}, Long.MAX_VALUE if none. */
    private long nextChange(long t) {
        long next = publicAt > t ? publicAt : Long.MAX_VALUE;
        for (long post : posts) {
            if (post > t) {
                return Math.min(next, post);
            }
        }
        return next;
    }

    /** Posts at or before {@code t}: a post counts from its own second on. */
    int postsBy(long t) {
        int n = 0;
        while (n < posts.length && posts[n] <= t) {
            n++;
        }
        return n;
    }
}
