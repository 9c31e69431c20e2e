package io.squeaky.stats;

import java.util.Arrays;

/**
 * The covariates as the iteration sees them: centred on their mean within each stratum, then
 * divided by their mean absolute value, both over the rows in some risk set (R's {@code agfit4}). A
 * covariate that takes a single value within every stratum is set to exactly zero, so that its
 * information is exactly zero and the fit reports it as not estimable instead of amplifying the
 * rounding left by subtracting a mean. Both are laid out as {@link CoxData}'s covariates.
 */
record Standardised(double[] centred, double[] scaled, double[] scale, boolean[] constant) {

    static Standardised of(CoxData data, RiskSets riskSets) {
        int n = data.rows();
        int p = data.p;
        double[] x = data.x;
        double[][] sum = new double[data.strata][p];
        int[] count = new int[data.strata];
        int[] first = new int[data.strata];
        Arrays.fill(first, -1);
        boolean[] constant = new boolean[p];
        Arrays.fill(constant, true);
        for (int i = 0; i < n; i++) {
            if (!riskSets.used[i]) {
                continue;
            }
            int s = data.stratum[i];
            if (first[s] < 0) {
                first[s] = i;
            }
            count[s]++;
            for (int j = 0; j < p; j++) {
                sum[s][j] += x[i * p + j];
                constant[j] &= x[i * p + j] == x[first[s] * p + j];
            }
        }
        double[] centred = new double[n * p];
        double[] absolute = new double[p];
        int used = 0;
        for (int i = 0; i < n; i++) {
            // A row in no risk set contributes nothing, and its stratum may have no mean.
            if (!riskSets.used[i]) {
                continue;
            }
            int s = data.stratum[i];
            for (int j = 0; j < p; j++) {
                int at = i * p + j;
                centred[at] = constant[j] ? 0 : x[at] - sum[s][j] / count[s];
                absolute[j] += Math.abs(centred[at]);
            }
            used++;
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            scale[j] = absolute[j] > 0 ? used / absolute[j] : 1;
        }
        double[] scaled = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                scaled[i * p + j] = centred[i * p + j] * scale[j];
            }
        }
        return new Standardised(centred, scaled, scale, constant);
    }
}
