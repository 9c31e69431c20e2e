package io.squeaky.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

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
        List<List<Integer>> members = new ArrayList<>();
        for (int s = 0; s < data.strata; s++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            members.get(data.stratum[i]).add(i);
        }
        byStop = new int[data.strata][];
        byStart = new int[data.strata][];
        eventTimes = new double[data.strata][];
        used = new boolean[n];
        for (int s = 0; s < data.strata; s++) {
            List<Integer> rows = members.get(s);
            double[] ascending =
                    rows.stream()
                            .filter(i -> data.event[i])
                            .mapToDouble(i -> data.stop[i])
                            .sorted()
                            .distinct()
                            .toArray();
            int[] kept =
                    rows.stream()
                            .mapToInt(Integer::intValue)
                            .filter(i -> holdsEventTime(ascending, data.start[i], data.stop[i]))
                            .toArray();
            for (int i : kept) {
                used[i] = true;
            }
            byStop[s] = descending(kept, data.stop);
            byStart[s] = descending(kept, data.start);
            eventTimes[s] =
                    IntStream.range(0, ascending.length)
                            .mapToDouble(k -> ascending[ascending.length - 1 - k])
                            .toArray();
        }
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

    private static int[] descending(int[] rows, double[] key) {
        return Arrays.stream(rows)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> key[i]).reversed())
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
