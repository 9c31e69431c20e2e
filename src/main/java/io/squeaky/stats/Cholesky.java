package io.squeaky.stats;

/**
 * The factorisation {@code A = L D L'} of a symmetric non-negative definite matrix, with L unit
 * lower triangular, that treats a column as redundant when its pivot falls below {@code tolerance}
 * times the largest diagonal element (R survival's {@code cholesky2}). A redundant column is
 * dropped: {@link #solve} gives it 0 and {@link #inverse} a zero row and column, so both act as the
 * exact inverse on the other columns.
 */
final class Cholesky {

    private final double[][] lower;
    private final double[] pivot;
    private final int rank;

    Cholesky(double[][] matrix, double tolerance) {
        int n = matrix.length;
        lower = new double[n][n];
        pivot = new double[n];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, matrix[i][i]);
            System.arraycopy(matrix[i], 0, lower[i], 0, n);
        }
        double threshold = largest == 0 ? tolerance : largest * tolerance;
        int found = 0;
        for (int i = 0; i < n; i++) {
            double d = lower[i][i];
            if (!Double.isFinite(d) || d < threshold) {
                pivot[i] = 0;
                for (int j = i + 1; j < n; j++) {
                    lower[j][i] = 0;
                }
                continue;
            }
            found++;
            pivot[i] = d;
            for (int j = i + 1; j < n; j++) {
                double factor = lower[j][i] / d;
                lower[j][i] = factor;
                lower[j][j] -= factor * factor * d;
                for (int k = j + 1; k < n; k++) {
                    lower[k][j] -= factor * lower[k][i];
                }
            }
        }
        rank = found;
    }

    int rank() {
        return rank;
    }

    boolean redundant(int column) {
        return pivot[column] == 0;
    }

    /** The b with {@code A b = y} on the columns kept, 0 on the redundant ones. */
    double[] solve(double[] y) {
        int n = pivot.length;
        double[] b = y.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                b[i] -= lower[i][j] * b[j];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (pivot[i] == 0) {
                b[i] = 0;
                continue;
            }
            b[i] /= pivot[i];
            for (int j = i + 1; j < n; j++) {
                b[i] -= lower[j][i] * b[j];
            }
        }
        return b;
    }

    double[][] inverse() {
        int n = pivot.length;
        double[][] inverse = new double[n][];
        for (int column = 0; column < n; column++) {
            double[] unit = new double[n];
            unit[column] = 1;
            inverse[column] = solve(unit);
        }
        // Solving column by column leaves rounding-level asymmetry; the variance is symmetric.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = (inverse[i][j] + inverse[j][i]) / 2;
                inverse[i][j] = mean;
                inverse[j][i] = mean;
            }
        }
        return inverse;
    }

    /** The quadratic form {@code b' A^- b}, R's {@code coxph.wtest}. */
    double quadraticForm(double[] b) {
        return PartialLikelihood.dot(b, solve(b));
    }
}
