package io.squeaky.stats;

/** Upper tail probabilities of the chi-square distribution with whole degrees of freedom. */
final class ChiSquare {

    private ChiSquare() {}

    /**
     * P(X > x) for X chi-square on {@code df} degrees of freedom, by the closed forms of the
     * regularised upper incomplete gamma function at half-integer shape: a finite Poisson sum for
     * even df, and the normal tail plus a finite series for odd df.
     */
    static double upperTail(double x, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1;
        }
        double half = x / 2;
        double term;
        double sum;
        int terms;
        if (df % 2 == 0) {
            term = StrictMath.exp(-half);
            sum = term;
            terms = df / 2 - 1;
            for (int i = 1; i <= terms; i++) {
                term *= half / i;
                sum += term;
            }
            return Math.min(1, sum);
        }
        double root = Math.sqrt(x);
        sum = ErrorFunction.erfc(root / Math.sqrt(2));
        term = root * StrictMath.exp(-half) * Math.sqrt(2 / Math.PI);
        terms = (df - 1) / 2;
        for (int i = 1; i <= terms; i++) {
            sum += term;
            term *= x / (2 * i + 1);
        }
        return Math.min(1, sum);
    }
}
