package io.squeaky.stats;

/**
 * The log-rank comparison of two groups, seen from the first group: its observed and expected
 * events under equal hazards, and the hypergeometric variance of their difference. The chi-square
 * statistic and p-value are {@link Double#NaN} when the variance is zero (no event, or every event
 * with only one group at risk): the data then say nothing about a difference.
 */
public record LogRankResult(
        double observed, double expected, double variance, double chiSquare, double pValue) {

    public int degreesOfFreedom() {
        return 1;
    }
}
