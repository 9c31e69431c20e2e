package io.squeaky.stats;

import java.util.Arrays;

/**
 * The order in which the partial likelihood and the score residuals sweep the rows: per stratum,
 * from the last event time back to the first, a row joins the risk set at the first event time not
 * after its stop and leaves it at the first event time not after its start. A row is at risk at t
 * when {@code start < t <= stop}: one that starts at an event time is not at risk then.
 *
 * <p>Rows whose interval holds no event time of their stratum are left out, as R's {@code
 * agreg.fit} leaves them out: they are in no risk set, and adding and removing them would only add
 * rounding to the running sums.
 */
final class RiskSets {

    /** Per stratum: the rows used, by stop descending. */
    final int[][] byStop;

    /** Per stratum: the same rows, by start descending. */
    final int[][] byStart;

    /** Per stratum: the distinct event times, descending. */
    final double[][] eventTimes;

    /** Whether each row is in at least one risk set. */
    final boolean[] used;

    RiskSets(CoxData data) {
        int n = data.rows();
        int[][] members = members(data);
        byStop = new int[data.strata][];
        byStart = new int[data.strata][];
        eventTimes = new double[data.strata][];
        used = new boolean[n];
        for (int s = 0; s < data.strata; s++) {
            int[] rows = members[s];
            int events = 0;
            for (int i : rows) {
                events += data.event[i] ? 1 : 0;
            }
            double[] eventStops = new double[events];
            int e = 0;
            for (int i : rows) {
                if (data.event[i]) {
                    eventStops[e++] = data.stop[i];
                }
            }
            double[] ascending = distinct(eventStops);
            int usedRows = 0;
            for (int i : rows) {
                used[i] = holdsEventTime(ascending, data.start[i], data.stop[i]);
                usedRows += used[i] ? 1 : 0;
            }
            int[] kept = new int[usedRows];
            int filled = 0;
            for (int i : rows) {
                if (used[i]) {
                    kept[filled++] = i;
                }
            }
            byStop[s] = descending(kept, data.stop);
            byStart[s] = descending(kept, data.start);
            double[] descending = new double[ascending.length];
            for (int k = 0; k < ascending.length; k++) {
                descending[k] = ascending[ascending.length - 1 - k];
            }
            eventTimes[s] = descending;
        }
    }

    /** Per stratum, its rows in row order. */
    private static int[][] members(CoxData data) {
        int[] sizes = new int[data.strata];
        for (int i = 0; i < data.rows(); i++) {
            sizes[data.stratum[i]]++;
        }
        int[][] members = new int[data.strata][];
        for (int s = 0; s < data.strata; s++) {
            members[s] = new int[sizes[s]];
        }
        int[] filled = new int[data.strata];
        for (int i = 0; i < data.rows(); i++) {
            int s = data.stratum[i];
            members[s][filled[s]++] = i;
        }
        return members;
    }

    /** The index of the first event time in {@code ascending} that is greater than {@code t}. */
    static int firstAfter(double[] ascending, double t) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ascending[middle] > t) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static boolean holdsEventTime(double[] ascending, double start, double stop) {
        int first = firstAfter(ascending, start);
        return first < ascending.length && ascending[first] <= stop;
    }

    /**
     * The rows by key descending, rows with equal keys in their given order. A key's distance below
     * the largest key, or where that is not a small whole number its rank among the distinct keys,
     * packs with the position into one long, so that a primitive sort does the work: these orders
     * are computed for every fit, on hundreds of thousands of rows. Times in whole seconds, as
     * {@code case_intervals} has them, need no ranks, which would cost two more sorts' worth.
     */
    private static int[] descending(int[] rows, double[] key) {
        long[] packed = wholeDistances(rows, key);
        if (packed == null) {
            packed = ranks(rows, key);
        }
        Arrays.sort(packed);
        int[] sorted = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            sorted[k] = rows[(int) (packed[k] & 0xffffffffL)];
        }
        return sorted;
    }

    /**
     * Each row's {@code largest - key} shifted above its position, or null when a key is not a
     * whole number (or is -0.0) or the keys span more than an int holds.
     */
    static long[] wholeDistances(int[] rows, double[] key) {
        double largest = Double.NEGATIVE_INFINITY;
        double smallest = Double.POSITIVE_INFINITY;
        for (int row : rows) {
            double value = key[row];
            // -0.0 ranks apart from 0.0, as a distinct key.
            if (value != Math.rint(value) || Double.doubleToRawLongBits(value) == Long.MIN_VALUE) {
                return null;
            }
            largest = Math.max(largest, value);
            smallest = Math.min(smallest, value);
        }
        if (rows.length > 0 && !(largest - smallest <= Integer.MAX_VALUE)) {
            return null;
        }
        long[] packed = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            long distance = (long) (largest - key[rows[k]]);
            packed[k] = distance << 32 | k;
        }
        return packed;
    }

    /** Each row's rank among the distinct keys, largest first, shifted above its position. */
    static long[] ranks(int[] rows, double[] key) {
        double[] keys = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            keys[k] = key[rows[k]];
        }
        double[] distinct = distinct(keys);
        long[] packed = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            long rank = distinct.length - 1 - Arrays.binarySearch(distinct, key[rows[k]]);
            packed[k] = rank << 32 | k;
        }
        return packed;
    }

    /** The distinct values, ascending (sorts {@code values} in place). */
    private static double[] distinct(double[] values) {
        Arrays.sort(values);
        int count = 0;
        for (int k = 0; k < values.length; k++) {
            if (count == 0 || Double.compare(values[count - 1], values[k]) != 0) {
                values[count++] = values[k];
            }
        }
        return Arrays.copyOf(values, count);
    }
}
