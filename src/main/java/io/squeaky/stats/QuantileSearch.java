package io.squeaky.stats;

/**
 * Where a step function first reaches a level, with the conventions of R survival's {@code
 * quantile.survfit} (its internal {@code findq}), so that medians and their limits agree with R to
 * the last digit: the search runs over the cumulative distribution {@code F = 1 - S}, values within
 * {@link #TOLERANCE} of the level count as equal to it, and a curve flat at exactly the level gives
 * the midpoint of the flat stretch, which ends at the last observed time if the curve ends there.
 */
final class QuantileSearch {

    /**
     * R's {@code sqrt(.Machine$double.eps)}: absorbs the rounding of products such as 3/4 * 2/3.
     */
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private QuantileSearch() {}

    /**
     * @param times the origin 0 and then every distinct observed time, ascending
     * @param distribution F at each of {@code times} (0 at the origin); NaN where undefined, as a
     *     confidence band can be
     * @return the p-quantile, or NaN if F never reaches p
     */
    static double find(double[] times, double[] distribution, double p) {
        int last = times.length - 1;
        // R compares with the bare maximum here, before any tolerance.
        if (!(highest(distribution) >= p)) {
            return Double.NaN;
        }
        int first = smallestReaching(distribution, p - TOLERANCE);
        if (Math.abs(p - distribution[last]) < TOLERANCE) {
            return (times[first] + times[last]) / 2;
        }
        int beyond = smallestReaching(distribution, p + TOLERANCE);
        return beyond < 0 ? Double.NaN : (times[first] + times[beyond]) / 2;
    }

    /**
     * Whether a value of a non-decreasing F counts as reaching p: {@link #find}'s first index is
     * the first such value.
     */
    static boolean reaches(double distribution, double p) {
        return distribution >= p - TOLERANCE;
    }

    /**
     * Whether a value of a non-decreasing F is past p beyond tolerance. At the first such value,
     * {@link #find} gives the midpoint of its time and the first reaching p's, whatever F does
     * later: a walk along the curve can stop there.
     */
    static boolean passes(double distribution, double p) {
        return distribution >= p + TOLERANCE;
    }

    private static double highest(double[] values) {
        double highest = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (value > highest) {
                highest = value;
            }
        }
        return highest;
    }

    /**
     * Index of the smallest value at or above the target, the earliest of equal values; -1 if none.
     * For a monotone F this is simply the first time F reaches the target. A confidence band need
     * not be monotone, and R (through {@code approx}, which sorts by value) then picks the smallest
     * qualifying value, not the earliest time; so do we.
     */
    private static int smallestReaching(double[] values, double target) {
        int found = -1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= target && (found < 0 || values[i] < values[found])) {
                found = i;
            }
        }
        return found;
    }
}
