package io.squeaky.stats;

/** A global chi-square test of the Cox model, as the last lines of R's {@code summary.coxph}. */
public record CoxTest(double statistic, int df, double pValue) {

    static CoxTest of(double statistic, int df) {
        return new CoxTest(statistic, df, df > 0 ? ChiSquare.upperTail(statistic, df) : Double.NaN);
    }
}
