package io.squeaky.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The Cox proportional-hazards model for counting-process data, fitted as R's {@code
 * coxph(Surv(start, stop, event) ~ x + strata(s), cluster = id, ties = ...)} with its default
 * control settings, and checked against it (survival 3.5-3).
 *
 * <p>The covariates are centred within each stratum and scaled by their mean absolute deviation
 * before the iteration, as R does: neither changes the estimates, but both keep the running sums
 * well conditioned and make the singularity tolerance mean the same as in R.
 *
 * <p>R's {@code timefix}, which merges times that differ only by floating-point rounding, is not
 * applied: times such as whole seconds are compared exactly.
 */
public final class CoxModel {

    /** R's {@code coxph.control(eps = 1e-9)}: relative change of the log-likelihood. */
    static final double EPS = 1e-9;

    /** R's {@code toler.chol = .Machine$double.eps^0.75}. */
    static final double CHOL_TOLERANCE = StrictMath.pow(Math.ulp(1.0), 0.75);

    /** R's {@code toler.inf = sqrt(eps)}. */
    static final double INFINITE_TOLERANCE = Math.sqrt(EPS);

    private final Ties ties;
    private final int maxIterations;

    public CoxModel(Ties ties) {
        this(ties, 20);
    }

    /** {@code maxIterations} as R's {@code iter.max}; R's default is 20. */
    public CoxModel(Ties ties, int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("need at least one iteration: " + maxIterations);
        }
        this.ties = ties;
        this.maxIterations = maxIterations;
    }

    public CoxFit fit(CoxData data) {
        return fit(data, true);
    }

    /**
     * As {@link #fit}, without the concordance and the robust score test (both null in the fit):
     * what a caller that reads only the coefficients, their errors and the notes needs. Each of the
     * two costs another sweep of the risk sets, the score test a second pass of score residuals;
     * the rest of the fit is the same, bit for bit.
     */
    public CoxFit fitCoefficients(CoxData data) {
        return fit(data, false);
    }

    private CoxFit fit(CoxData data, boolean tests) {
        if (data.events() == 0) {
            throw new IllegalArgumentException("a Cox model cannot be fitted with no events");
        }
        List<String> names = data.covariates();
        int p = names.size();
        RiskSets riskSets = new RiskSets(data);
        Standardised standardised = Standardised.of(data, riskSets);
        double[] scaled = standardised.scaled();
        NewtonRaphson.Result result =
                NewtonRaphson.maximise(
                        new PartialLikelihood(data, riskSets, scaled, ties),
                        new double[p],
                        maxIterations,
                        EPS,
                        CHOL_TOLERANCE);

        double[] scale = standardised.scale();
        double[] beta = new double[p];
        double[][] variance = new double[p][p];
        for (int j = 0; j < p; j++) {
            beta[j] = result.beta()[j] * scale[j];
            for (int l = 0; l < p; l++) {
                variance[j][l] = result.variance()[j][l] * scale[j] * scale[l];
            }
        }
        boolean[] estimable = new boolean[p];
        int df = 0;
        List<String> notes = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            estimable[j] = variance[j][j] != 0;
            df += estimable[j] ? 1 : 0;
            if (!estimable[j]) {
                notes.add(
                        names.get(j)
                                + (standardised.constant()[j]
                                        ? " is constant within every stratum"
                                        : " is collinear with the other covariates")
                                + ": not estimable, left out of the model");
                beta[j] = 0;
            }
        }

        double[] centred = standardised.centred();
        Robust robust = robust(data, riskSets, centred, beta, variance, df, notes, tests);

        List<CoxCoefficient> coefficients = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (!estimable[j]) {
                coefficients.add(CoxCoefficient.notEstimable(names.get(j)));
                continue;
            }
            double robustSe =
                    robust.variance() != null ? Math.sqrt(robust.variance()[j][j]) : Double.NaN;
            coefficients.add(
                    CoxCoefficient.of(
                            names.get(j),
                            beta[j],
                            Math.sqrt(variance[j][j]),
                            robustSe,
                            data.clustered()));
        }

        Concordance concordance = null;
        if (tests) {
            double[] linearPredictor = new double[data.rows()];
            for (int i = 0; i < linearPredictor.length; i++) {
                linearPredictor[i] = PartialLikelihood.dot(centred, i * p, beta);
            }
            concordance = Concordance.of(data, riskSets, linearPredictor);
        }

        double[][] waldVariance = data.clustered() ? robust.variance() : variance;
        double wald =
                waldVariance == null
                        ? Double.NaN
                        : new Cholesky(waldVariance, CHOL_TOLERANCE).quadraticForm(beta);
        Outcome outcome = outcome(result, names, beta, scale);
        return new CoxFit(
                coefficients,
                ties,
                outcome.status(),
                outcome.message(),
                data.rows(),
                data.events(),
                data.clusters(),
                result.initialLoglik(),
                result.loglik(),
                CoxTest.of(2 * (result.loglik() - result.initialLoglik()), df),
                CoxTest.of(wald, df),
                CoxTest.of(result.scoreTest(), df),
                robust.score(),
                concordance,
                result.iterations(),
                notes);
    }

    /**
     * The cluster-robust variance and score test, both null without (enough) clusters; the score
     * test also when not asked for.
     */
    private record Robust(double[][] variance, CoxTest score) {}

    private Robust robust(
            CoxData data,
            RiskSets riskSets,
            double[] centred,
            double[] beta,
            double[][] variance,
            int df,
            List<String> notes,
            boolean scoreTest) {
        if (!data.clustered()) {
            return new Robust(null, null);
        }
        if (data.clusters() < 2) {
            notes.add(
                    "a single cluster: the robust variance is zero by construction (the scores"
                            + " sum to zero at the estimate), so it and the tests built on it"
                            + " are not reported");
            return new Robust(null, null);
        }
        double[][] robust =
                RobustVariance.sandwich(
                        ScoreResiduals.compute(data, riskSets, centred, beta, ties),
                        variance,
                        data);
        if (!scoreTest) {
            return new Robust(robust, null);
        }
        double[] nullResiduals =
                ScoreResiduals.compute(data, riskSets, centred, new double[beta.length], ties);
        return new Robust(
                robust,
                CoxTest.of(RobustVariance.scoreTest(nullResiduals, data, CHOL_TOLERANCE), df));
    }

    private record Outcome(CoxStatus status, String message) {}

    private Outcome outcome(
            NewtonRaphson.Result result, List<String> names, double[] beta, double[] scale) {
        if (result.ranOut()) {
            return new Outcome(
                    CoxStatus.NOT_CONVERGED,
                    "ran out of iterations (" + maxIterations + ") and did not converge");
        }
        // As R, which skips the check for iter.max = 1.
        if (maxIterations > 1) {
            List<String> infinite = infiniteCoefficients(result, names, beta, scale);
            if (!infinite.isEmpty()) {
                return new Outcome(
                        CoxStatus.INFINITE_COEFFICIENT,
                        "the log-likelihood converged before "
                                + String.join(", ", infinite)
                                + ": the coefficient may be infinite (separation)");
            }
        }
        return new Outcome(CoxStatus.CONVERGED, "");
    }

    /**
     * R's test in {@code agreg.fit}: a coefficient whose next Newton step, {@code U' V}, is still
     * large against its size after the log-likelihood has converged is on its way to infinity.
     */
    private static List<String> infiniteCoefficients(
            NewtonRaphson.Result result, List<String> names, double[] beta, double[] scale) {
        List<String> infinite = new ArrayList<>();
        int p = beta.length;
        for (int j = 0; j < p; j++) {
            double step = 0;
            for (int l = 0; l < p; l++) {
                step += result.score()[l] * result.variance()[l][j];
            }
            // The step is computed on the scaled covariates; on the original scale it is
            // multiplied by the column's scale, like beta.
            step *= scale[j];
            if (!Double.isFinite(step)
                    || Math.abs(step) > INFINITE_TOLERANCE * (1 + Math.abs(beta[j]))) {
                infinite.add(names.get(j));
            }
        }
        return infinite;
    }
}
