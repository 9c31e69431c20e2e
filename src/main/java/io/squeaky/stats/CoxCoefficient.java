package io.squeaky.stats;

/**
 * One row of R's {@code summary.coxph} coefficient table. When the model has a cluster, {@code z},
 * {@code p} and the 95% limits use the robust se, as R's do; otherwise the naive one. A covariate
 * that the data cannot estimate (constant within every stratum, or collinear with others) has
 * {@code estimable} false and {@link Double#NaN} everywhere, R's {@code NA}.
 *
 * @param coef the log hazard ratio, R's {@code coef}
 * @param expCoef the hazard ratio, {@code exp(coef)}
 * @param se the model-based standard error, {@code se(coef)}
 * @param robustSe the cluster-robust standard error, {@code robust se}; NaN without a cluster
 * @param p the two-sided p-value {@code Pr(>|z|)}
 */
public record CoxCoefficient(
        String covariate,
        boolean estimable,
        double coef,
        double expCoef,
        double se,
        double robustSe,
        double z,
        double p,
        double lower95,
        double upper95) {

    static CoxCoefficient notEstimable(String covariate) {
        double nan = Double.NaN;
        return new CoxCoefficient(covariate, false, nan, nan, nan, nan, nan, nan, nan, nan);
    }

    static CoxCoefficient of(
            String covariate, double coef, double se, double robustSe, boolean clustered) {
        double used = clustered ? robustSe : se;
        double z = coef / used;
        double halfWidth = Normal.quantile(0.975) * used;
        return new CoxCoefficient(
                covariate,
                true,
                coef,
                StrictMath.exp(coef),
                se,
                robustSe,
                z,
                ErrorFunction.erfc(Math.abs(z) / Math.sqrt(2)),
                StrictMath.exp(coef - halfWidth),
                StrictMath.exp(coef + halfWidth));
    }
}
