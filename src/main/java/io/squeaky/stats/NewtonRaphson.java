package io.squeaky.stats;

/**
 * Newton-Raphson maximisation of the partial likelihood, step for step as R's {@code coxph} ({@code
 * agfit4}), so that a fit stopped by the iteration limit stops where R's does. From the initial
 * beta it steps by {@code information^-1 score}; a step that lowers the log-likelihood (or makes it
 * or the information non-finite, or changes the information's rank) is pulled back towards the last
 * good beta, to 1/2, then 2/3, 3/4 ... of the way; the iteration has converged when, with no
 * halving under way, the log-likelihood changed by at most {@code eps} relative.
 */
final class NewtonRaphson {

    /**
     * The outcome of the maximisation.
     *
     * @param beta the estimate, or the last beta tried when the iterations ran out
     * @param variance the inverse information at beta; redundant columns have zero rows
     * @param score the score vector at beta, to tell converged from infinite coefficients
     * @param scoreTest the score test of the initial beta, {@code U' I^-1 U} there
     * @param iterations the iterations used, counted as R's {@code iter}
     * @param ranOut whether the limit was reached without convergence
     */
    record Result(
            double[] beta,
            double initialLoglik,
            double loglik,
            double[][] variance,
            double[] score,
            double scoreTest,
            int iterations,
            boolean ranOut) {}

    private NewtonRaphson() {}

    static Result maximise(
            PartialLikelihood likelihood,
            double[] initial,
            int maxIterations,
            double eps,
            double cholTolerance) {
        double[] beta = initial.clone();
        PartialLikelihood.Evaluation current = likelihood.evaluate(beta);
        Cholesky factor = new Cholesky(current.information(), cholTolerance);
        int rank = factor.rank();
        double[] step = factor.solve(current.score());
        double initialLoglik = current.loglik();
        double scoreTest = PartialLikelihood.dot(current.score(), step);
        if (maxIterations == 0 || !Double.isFinite(initialLoglik)) {
            return new Result(
                    beta,
                    initialLoglik,
                    initialLoglik,
                    factor.inverse(),
                    current.score(),
                    scoreTest,
                    0,
                    maxIterations > 0);
        }
        double best = initialLoglik;
        double[] lastGood = beta.clone();
        add(beta, step);
        int halving = 0;
        int iteration = 1;
        boolean ranOut = false;
        for (; iteration <= maxIterations; iteration++) {
            current = likelihood.evaluate(beta);
            factor = new Cholesky(current.information(), cholTolerance);
            boolean failed =
                    !Double.isFinite(current.loglik())
                            || !finiteDiagonal(current.information())
                            || factor.rank() != rank;
            if (!failed && halving == 0 && Math.abs(1 - best / current.loglik()) <= eps) {
                break;
            }
            if (iteration == maxIterations) {
                ranOut = true;
                if (maxIterations > 1 && (current.loglik() - best) / Math.abs(best) < -eps) {
                    // The last try was worse than the best beta by more than rounding: report
                    // the best one.
                    beta = lastGood;
                    current = likelihood.evaluate(beta);
                    factor = new Cholesky(current.information(), cholTolerance);
                }
                break;
            }
            if (failed || current.loglik() < best) {
                halving++;
                for (int j = 0; j < beta.length; j++) {
                    beta[j] = (lastGood[j] * halving + beta[j]) / (halving + 1.0);
                }
            } else {
                halving = 0;
                best = current.loglik();
                step = factor.solve(current.score());
                lastGood = beta.clone();
                add(beta, step);
            }
        }
        return new Result(
                beta,
                initialLoglik,
                current.loglik(),
                factor.inverse(),
                current.score(),
                scoreTest,
                iteration,
                ranOut);
    }

    private static void add(double[] beta, double[] step) {
        for (int j = 0; j < beta.length; j++) {
            beta[j] += step[j];
        }
    }

    private static boolean finiteDiagonal(double[][] matrix) {
        for (int j = 0; j < matrix.length; j++) {
            if (!Double.isFinite(matrix[j][j])) {
                return false;
            }
        }
        return true;
    }
}
