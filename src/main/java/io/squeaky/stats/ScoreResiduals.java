package io.squeaky.stats;

import java.util.Arrays;

/**
 * Score residuals, R's {@code residuals(fit, type = "score")}: for each row, {@code integral of (x
 * - xbar(t)) dM(t)} over its interval, where {@code dM = dN - exp(x beta) dLambda} is the row's
 * martingale increment and Efron's or Breslow's hazard increments are used at tied times. They sum
 * to the score vector, so at the estimate they sum to zero; times the variance they are the dfbeta
 * residuals that the robust variance is built from.
 *
 * <p>Per stratum the hazard increments {@code dLambda(t)} and {@code xbar(t) dLambda(t)} are
 * computed once per event time and cumulated, so each row's integral is a difference of two
 * cumulative sums over the event times in {@code (start, stop]}.
 */
final class ScoreResiduals {

    private ScoreResiduals() {}

    /** The residuals laid out as the covariates {@code x} are (see {@link CoxData}). */
    static double[] compute(CoxData data, RiskSets riskSets, double[] x, double[] beta, Ties ties) {
        int p = beta.length;
        double[] residuals = new double[data.rows() * p];
        double[] risk = new double[data.rows()];
        for (int i = 0; i < risk.length; i++) {
            risk[i] = riskSets.used[i] ? StrictMath.exp(PartialLikelihood.dot(x, i * p, beta)) : 0;
        }
        int[] fromOf = new int[data.rows()];
        for (int s = 0; s < data.strata; s++) {
            Increments increments = Increments.of(data, riskSets, s, x, risk, ties, p);
            double[] ascending = increments.times;
            // Each row's integral runs over the event times in (start, stop]: their bounds are
            // walked down the rows in descending order of start, then of stop.
            int from = ascending.length;
            for (int i : riskSets.byStart[s]) {
                from = firstAfter(ascending, data.start[i], from);
                fromOf[i] = from;
            }
            int to = ascending.length;
            for (int i : riskSets.byStop[s]) {
                to = firstAfter(ascending, data.stop[i], to);
                int first = fromOf[i];
                double hazard =
                        increments.cumulativeHazard[to] - increments.cumulativeHazard[first];
                for (int j = 0; j < p; j++) {
                    double meanHazard =
                            increments.cumulativeMeanHazard[to * p + j]
                                    - increments.cumulativeMeanHazard[first * p + j];
                    residuals[i * p + j] = -risk[i] * (x[i * p + j] * hazard - meanHazard);
                }
                if (data.event[i]) {
                    // The row's own event time is the last one in its interval.
                    int e = to - 1;
                    for (int j = 0; j < p; j++) {
                        residuals[i * p + j] +=
                                x[i * p + j]
                                        - increments.eventMean[e * p + j]
                                        + risk[i]
                                                * (x[i * p + j] * increments.ownHazard[e]
                                                        - increments.ownMeanHazard[e * p + j]);
                    }
                }
            }
        }
        return residuals;
    }

    /**
     * {@link RiskSets#firstAfter} for a {@code t} no greater than the one that gave {@code
     * previous}: the index only moves down from there.
     */
    private static int firstAfter(double[] ascending, double t, int previous) {
        int index = previous;
        while (index > 0 && ascending[index - 1] > t) {
            index--;
        }
        return index;
    }

    /**
     * Per event time of one stratum, ascending: the cumulative sums (index k covers the first k
     * times) of the hazard increment and of the mean covariate times it; and the terms an event at
     * that time adds to its own row. With Efron's ties the d events at a time are d pseudo events,
     * the k-th (from 0) with the tied events' risk down-weighted by k / d: an event row gets the
     * mean of the d pseudo means as {@code eventMean}, and is owed back the part of the hazard it
     * was not at risk for ({@code ownHazard}, {@code ownMeanHazard}). With Breslow's there is one
     * increment and nothing is owed back. The per-covariate terms are laid out as the covariates
     * are, {@code p} to an event time.
     */
    private record Increments(
            double[] times,
            double[] cumulativeHazard,
            double[] cumulativeMeanHazard,
            double[] eventMean,
            double[] ownHazard,
            double[] ownMeanHazard) {

        static Increments of(
                CoxData data,
                RiskSets riskSets,
                int s,
                double[] x,
                double[] risk,
                Ties ties,
                int p) {
            double[] descending = riskSets.eventTimes[s];
            int m = descending.length;
            double[] times = new double[m];
            double[] hazard = new double[m];
            double[] meanHazard = new double[m * p];
            double[] eventMean = new double[m * p];
            double[] ownHazard = new double[m];
            double[] ownMeanHazard = new double[m * p];
            int[] byStop = riskSets.byStop[s];
            int[] byStart = riskSets.byStart[s];
            double denominator = 0;
            double[] sum = new double[p];
            double[] dyingSum = new double[p];
            int added = 0;
            int removed = 0;
            int inRiskSet = 0;
            for (int d = 0; d < m; d++) {
                double t = descending[d];
                for (; removed < byStart.length && data.start[byStart[removed]] >= t; removed++) {
                    int row = byStart[removed];
                    if (--inRiskSet == 0) {
                        denominator = 0;
                        Arrays.fill(sum, 0);
                    } else {
                        denominator -= risk[row];
                        for (int j = 0; j < p; j++) {
                            sum[j] -= risk[row] * x[row * p + j];
                        }
                    }
                }
                double dyingDenominator = 0;
                Arrays.fill(dyingSum, 0);
                int deaths = 0;
                for (; added < byStop.length && data.stop[byStop[added]] >= t; added++) {
                    int row = byStop[added];
                    inRiskSet++;
                    denominator += risk[row];
                    for (int j = 0; j < p; j++) {
                        sum[j] += risk[row] * x[row * p + j];
                    }
                    if (data.event[row]) {
                        deaths++;
                        dyingDenominator += risk[row];
                        for (int j = 0; j < p; j++) {
                            dyingSum[j] += risk[row] * x[row * p + j];
                        }
                    }
                }
                int k = m - 1 - d;
                times[k] = t;
                int shares = ties == Ties.EFRON ? deaths : 1;
                double weight = (double) deaths / shares;
                for (int pseudo = 0; pseudo < shares; pseudo++) {
                    double down = (double) pseudo / shares;
                    double pseudoDenominator = denominator - down * dyingDenominator;
                    double increment = weight / pseudoDenominator;
                    hazard[k] += increment;
                    ownHazard[k] += down * increment;
                    for (int j = 0; j < p; j++) {
                        double mean = (sum[j] - down * dyingSum[j]) / pseudoDenominator;
                        meanHazard[k * p + j] += mean * increment;
                        ownMeanHazard[k * p + j] += down * mean * increment;
                        eventMean[k * p + j] += mean / shares;
                    }
                }
            }
            double[] cumulativeHazard = new double[m + 1];
            double[] cumulativeMeanHazard = new double[(m + 1) * p];
            for (int k = 0; k < m; k++) {
                cumulativeHazard[k + 1] = cumulativeHazard[k] + hazard[k];
                for (int j = 0; j < p; j++) {
                    cumulativeMeanHazard[(k + 1) * p + j] =
                            cumulativeMeanHazard[k * p + j] + meanHazard[k * p + j];
                }
            }
            return new Increments(
                    times,
                    cumulativeHazard,
                    cumulativeMeanHazard,
                    eventMean,
                    ownHazard,
                    ownMeanHazard);
        }
    }
}
