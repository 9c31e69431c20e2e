package io.squeaky.stats;

import java.util.Arrays;

/**
 * Harrell's concordance of a Cox fit, as R's {@code coxph} reports it ({@code concordancefit} with
 * {@code reverse = TRUE} and time weight {@code n}): over every event and every row at risk at its
 * time in its stratum, other than the events at that time, the pair is concordant when the event
 * has the higher linear predictor. Tied predictors count a half. Pairs of events at the same time
 * are tied on y and left out. R's standard error (an infinitesimal jackknife) is not computed.
 */
public record Concordance(
        long concordant, long discordant, long tiedX, long tiedY, long tiedXY, double concordance) {

    static Concordance of(CoxData data, RiskSets riskSets, double[] linearPredictor) {
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        long tiedXY = 0;
        for (int s = 0; s < data.strata; s++) {
            int[] byStop = riskSets.byStop[s];
            int[] byStart = riskSets.byStart[s];
            double[] values =
                    Arrays.stream(byStop)
                            .mapToDouble(i -> linearPredictor[i])
                            .sorted()
                            .distinct()
                            .toArray();
            Counts atRisk = new Counts(values.length);
            int[] deathRanks = new int[byStop.length];
            int added = 0;
            int removed = 0;
            for (double t : riskSets.eventTimes[s]) {
                for (; removed < byStart.length && data.start[byStart[removed]] >= t; removed++) {
                    atRisk.add(rank(values, linearPredictor[byStart[removed]]), -1);
                }
                int firstNew = added;
                for (; added < byStop.length && data.stop[byStop[added]] >= t; added++) {
                    int row = byStop[added];
                    if (!data.event[row]) {
                        atRisk.add(rank(values, linearPredictor[row]), 1);
                    }
                }
                // One buffer for every event time: a fit has hundreds of thousands of them.
                int deaths = 0;
                for (int k = firstNew; k < added; k++) {
                    int row = byStop[k];
                    if (data.event[row]) {
                        deathRanks[deaths++] = rank(values, linearPredictor[row]);
                    }
                }
                Arrays.sort(deathRanks, 0, deaths);
                for (int d = 0; d < deaths; d++) {
                    int rank = deathRanks[d];
                    long below = atRisk.below(rank);
                    long equal = atRisk.below(rank + 1) - below;
                    concordant += below;
                    tiedX += equal;
                    discordant += atRisk.total - below - equal;
                }
                for (int a = 0; a < deaths; a++) {
                    for (int b = a + 1; b < deaths; b++) {
                        if (deathRanks[a] == deathRanks[b]) {
                            tiedXY++;
                        } else {
                            tiedY++;
                        }
                    }
                }
                for (int d = 0; d < deaths; d++) {
                    atRisk.add(deathRanks[d], 1);
                }
            }
        }
        double pairs = concordant + discordant + tiedX;
        return new Concordance(
                concordant, discordant, tiedX, tiedY, tiedXY, (concordant + tiedX / 2.0) / pairs);
    }

    private static int rank(double[] values, double value) {
        return Arrays.binarySearch(values, value);
    }

    /** How many rows at risk have each rank of the linear predictor: a Fenwick tree. */
    private static final class Counts {
        private final long[] tree;
        long total;

        Counts(int size) {
            tree = new long[size + 1];
        }

        void add(int rank, int change) {
            total += change;
            for (int k = rank + 1; k < tree.length; k += k & -k) {
                tree[k] += change;
            }
        }

        /** The rows with a rank below {@code rank}. */
        long below(int rank) {
            long count = 0;
            for (int k = rank; k > 0; k -= k & -k) {
                count += tree[k];
            }
            return count;
        }
    }
}
