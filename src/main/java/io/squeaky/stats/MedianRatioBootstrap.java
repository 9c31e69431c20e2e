package io.squeaky.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A percentile bootstrap interval for the ratio of two Kaplan-Meier medians that resamples clusters
 * (customers), not observations: one customer's tickets share that customer's habits and channel,
 * so treating them as independent would make the interval too narrow.
 *
 * <p>Customers are drawn with replacement from everyone in either group, and a drawn customer
 * brings all of their observations in both groups. A customer can have tickets on both sides (an
 * escalated one and a quiet one); resampling each group separately would break that pairing and
 * misstate the variance of the ratio. When no customer spans both groups this is the ordinary
 * two-sample cluster bootstrap with group sizes left free.
 */
public final class MedianRatioBootstrap {

    private MedianRatioBootstrap() {}

    /**
     * @param numerator observations whose median goes on top, e.g. escalated cases
     * @param denominator observations whose median goes below
     * @param replications resamples to draw; at least {@code 2 / (1 - level) - 1} for the tails to
     *     have an order statistic each
     * @param seed the same seed on the same observations gives the same interval, whatever their
     *     order
     * @param level two-sided coverage, e.g. 0.95
     */
    public static MedianRatioInterval interval(
            Collection<Observation> numerator,
            Collection<Observation> denominator,
            int replications,
            long seed,
            double level) {
        if (numerator.isEmpty() || denominator.isEmpty()) {
            throw new IllegalArgumentException("both groups need observations");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be positive: " + replications);
        }
        Customer[] customers = byCustomer(numerator, denominator);
        SortedGroup top = SortedGroup.of(customers, true);
        SortedGroup bottom = SortedGroup.of(customers, false);
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[replications];
        int defined = 0;
        for (int r = 0; r < replications; r++) {
            int[] drawn = new int[customers.length];
            for (int i = 0; i < customers.length; i++) {
                drawn[random.nextInt(customers.length)]++;
            }
            double ratio = top.median(drawn) / bottom.median(drawn);
            if (!Double.isNaN(ratio)) {
                ratios[defined++] = ratio;
            }
        }
        double[] sorted = Arrays.copyOf(ratios, defined);
        Arrays.sort(sorted);
        return new MedianRatioInterval(
                pointEstimate(numerator, denominator),
                orderStatistic(sorted, rankFromBottom(defined, level)),
                orderStatistic(sorted, defined + 1 - rankFromBottom(defined, level)),
                level,
                replications,
                replications - defined);
    }

    /**
     * The ratio of the two Kaplan-Meier medians on the data as they are, with the conventions of
     * {@link MedianRatioInterval}: a median never reached counts as +infinity.
     */
    public static double pointEstimate(
            Collection<Observation> numerator, Collection<Observation> denominator) {
        return median(numerator) / median(denominator);
    }

    /**
     * The rank of the lower percentile limit, {@code floor((R + 1) * alpha / 2)} (Davison and
     * Hinkley's rule: the 25th of 999 for 95%). With too few replicates it would be 0; the extremes
     * are used then, a wider interval rather than none.
     */
    private static int rankFromBottom(int count, double level) {
        return Math.max(1, (int) Math.floor((count + 1) * (1 - level) / 2));
    }

    private static double orderStatistic(double[] sorted, int rank) {
        return sorted.length == 0 ? Double.NaN : sorted[rank - 1];
    }

    private static double median(Collection<Observation> observations) {
        if (observations.isEmpty()) {
            return Double.NaN;
        }
        double median = KaplanMeier.fit(observations).quantilePoint(0.5);
        return Double.isNaN(median) ? Double.POSITIVE_INFINITY : median;
    }

    /** Sorted by customer name, so that the input's order cannot change what a seed draws. */
    private static Customer[] byCustomer(
            Collection<Observation> numerator, Collection<Observation> denominator) {
        Map<String, Customer> customers = new TreeMap<>();
        for (Observation observation : numerator) {
            customers
                    .computeIfAbsent(observation.cluster(), name -> new Customer())
                    .numerator()
                    .add(observation);
        }
        for (Observation observation : denominator) {
            customers
                    .computeIfAbsent(observation.cluster(), name -> new Customer())
                    .denominator()
                    .add(observation);
        }
        return customers.values().toArray(Customer[]::new);
    }

    private record Customer(List<Observation> numerator, List<Observation> denominator) {
        Customer() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        List<Observation> side(boolean top) {
            return top ? numerator : denominator;
        }
    }

    /**
     * One side's observations sorted by time once, so that a resample is only a count of how often
     * each customer was drawn and its median comes from one pass over the sorted times, with the
     * same arithmetic as {@link KaplanMeier#fit} on the resample spelled out. The pass reads each
     * observation's weight from its owner's count, so a resample touches only the observations up
     * to its median, and the curve's steps go into buffers kept from one resample to the next: this
     * runs a thousand times per brand, period and comparison.
     */
    private static final class SortedGroup {

        private final double[] times;
        private final boolean[] events;

        /** The customer of each observation, in time order. */
        private final int[] owner;

        /** Each customer's observations on this side. */
        private final int[] sizes;

        private final double[] stepTimes;
        private final double[] distribution;

        private SortedGroup(double[] times, boolean[] events, int[] owner, int[] sizes) {
            this.times = times;
            this.events = events;
            this.owner = owner;
            this.sizes = sizes;
            this.stepTimes = new double[times.length + 1];
            this.distribution = new double[times.length + 1];
        }

        static SortedGroup of(Customer[] customers, boolean top) {
            List<Observation> all = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            int[] sizes = new int[customers.length];
            for (int c = 0; c < customers.length; c++) {
                for (Observation observation : customers[c].side(top)) {
                    all.add(observation);
                    owners.add(c);
                }
                sizes[c] = customers[c].side(top).size();
            }
            Integer[] order = new Integer[all.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(all.get(a).time(), all.get(b).time()));
            double[] times = new double[order.length];
            boolean[] events = new boolean[order.length];
            int[] owner = new int[order.length];
            for (int position = 0; position < order.length; position++) {
                Observation observation = all.get(order[position]);
                times[position] = observation.time();
                events[position] = observation.event();
                owner[position] = owners.get(order[position]);
            }
            return new SortedGroup(times, events, owner, sizes);
        }

        /** The median of the resample that drew customer c {@code drawn[c]} times. */
        double median(int[] drawn) {
            int atRisk = 0;
            for (int c = 0; c < drawn.length; c++) {
                atRisk += drawn[c] * sizes[c];
            }
            if (atRisk == 0) {
                return Double.NaN;
            }
            int steps = 1;
            double survival = 1;
            // The first step within tolerance of one half, as QuantileSearch finds it.
            int reached = -1;
            int i = 0;
            while (i < times.length) {
                double time = times[i];
                int eventCount = 0;
                int leaving = 0;
                for (; i < times.length && times[i] == time; i++) {
                    int weight = drawn[owner[i]];
                    leaving += weight;
                    eventCount += events[i] ? weight : 0;
                }
                if (leaving == 0) {
                    continue;
                }
                if (eventCount > 0) {
                    survival *= (double) (atRisk - eventCount) / atRisk;
                }
                stepTimes[steps] = time;
                distribution[steps] = 1 - survival;
                if (reached < 0 && QuantileSearch.reaches(distribution[steps], 0.5)) {
                    reached = steps;
                }
                if (QuantileSearch.passes(distribution[steps], 0.5)) {
                    // A curve that falls only further cannot end within tolerance of one half,
                    // so the rest of the resample cannot change its median.
                    return (stepTimes[reached] + stepTimes[steps]) / 2;
                }
                steps++;
                atRisk -= leaving;
            }
            double median =
                    QuantileSearch.find(
                            Arrays.copyOf(stepTimes, steps),
                            Arrays.copyOf(distribution, steps),
                            0.5);
            return Double.isNaN(median) ? Double.POSITIVE_INFINITY : median;
        }
    }
}
