package io.squeaky.stats;

/**
 * The cluster-robust ("sandwich") variance and the robust score test, as R's {@code coxph} computes
 * them with a {@code cluster}: the dfbeta residuals (score residuals times the model variance) are
 * summed within each cluster and the variance is {@code D' D} over the cluster sums D. R applies no
 * small-sample factor such as {@code G / (G - 1)}, and neither does this.
 */
final class RobustVariance {

    private RobustVariance() {}

    /**
     * {@code D' D} where D's rows are the per-cluster sums of {@code residuals * variance}; the
     * residuals laid out as the data's covariates.
     */
    static double[][] sandwich(double[] scoreResiduals, double[][] variance, CoxData data) {
        int p = variance.length;
        double[] clusterSums = clusterSums(scoreResiduals, data);
        double[] dfbeta = new double[clusterSums.length];
        for (int g = 0; g < data.clusters; g++) {
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    dfbeta[g * p + j] += clusterSums[g * p + l] * variance[l][j];
                }
            }
        }
        return crossProduct(dfbeta, p);
    }

    /**
     * The robust score test of beta = 0: {@code U' (S' S)^- U}, where S holds the per-cluster sums
     * of the score residuals at beta = 0 and U, their total, is the score there.
     */
    static double scoreTest(double[] nullScoreResiduals, CoxData data, double cholTolerance) {
        double[] clusterSums = clusterSums(nullScoreResiduals, data);
        int p = data.p;
        double[] score = new double[p];
        for (int g = 0; g < data.clusters; g++) {
            for (int j = 0; j < p; j++) {
                score[j] += clusterSums[g * p + j];
            }
        }
        return new Cholesky(crossProduct(clusterSums, p), cholTolerance).quadraticForm(score);
    }

    /**
     * Per cluster, the sums of the rows' residuals, laid out as the covariates are: one array for
     * what can be a hundred thousand clusters, not one each.
     */
    private static double[] clusterSums(double[] residuals, CoxData data) {
        int p = data.p;
        double[] sums = new double[data.clusters * p];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < p; j++) {
                sums[data.cluster[i] * p + j] += residuals[i * p + j];
            }
        }
        return sums;
    }

    /** The cross product of the rows of {@code p} values each that {@code rows} holds in turn. */
    private static double[][] crossProduct(double[] rows, int p) {
        double[][] product = new double[p][p];
        for (int from = 0; from < rows.length; from += p) {
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    product[j][l] += rows[from + j] * rows[from + l];
                }
            }
        }
        return product;
    }
}
