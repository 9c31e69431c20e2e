package io.squeaky.stats;

/**
 * The Cox log partial likelihood for counting-process data with its score vector and observed
 * information matrix, for Efron's or Breslow's handling of ties, summed over strata. Each stratum
 * is swept from its last event time back to its first, keeping running sums of the risk scores
 * {@code exp(x beta)} over the risk set, of {@code x} times them and of {@code x x'} times them, so
 * a fit costs one pass over the rows per iteration (R's {@code agfit4}).
 */
final class PartialLikelihood {

    private final CoxData data;
    private final RiskSets riskSets;
    private final double[] x;
    private final Ties ties;
    private final int p;

    /**
     * @param x the covariates the sweep uses, which may be centred and scaled versions of the
     *     data's: the likelihood is unchanged by centring within a stratum, and scaling only
     *     rescales beta; laid out as the data's
     */
    PartialLikelihood(CoxData data, RiskSets riskSets, double[] x, Ties ties) {
        this.data = data;
        this.riskSets = riskSets;
        this.x = x;
        this.ties = ties;
        this.p = data.covariates().size();
    }

    record Evaluation(double loglik, double[] score, double[][] information) {}

    Evaluation evaluate(double[] beta) {
        double loglik = 0;
        double[] score = new double[p];
        double[][] information = new double[p][p];
        double[] eta = new double[data.rows()];
        double[] risk = new double[data.rows()];
        double[] mean = new double[p];
        for (int i = 0; i < risk.length; i++) {
            if (riskSets.used[i]) {
                eta[i] = dot(x, i * p, beta);
                risk[i] = StrictMath.exp(eta[i]);
            }
        }
        for (int s = 0; s < data.strata; s++) {
            RunningSums atRisk = new RunningSums(p);
            RunningSums dying = new RunningSums(p);
            int[] byStop = riskSets.byStop[s];
            int[] byStart = riskSets.byStart[s];
            int added = 0;
            int removed = 0;
            int inRiskSet = 0;
            for (double t : riskSets.eventTimes[s]) {
                for (; removed < byStart.length && data.start[byStart[removed]] >= t; removed++) {
                    int row = byStart[removed];
                    inRiskSet--;
                    if (inRiskSet == 0) {
                        // An emptied risk set restarts from exact zeros, not from the rounding
                        // that subtracting everyone would leave.
                        atRisk.clear();
                    } else {
                        atRisk.add(x, row * p, -risk[row]);
                    }
                }
                dying.clear();
                int deaths = 0;
                for (; added < byStop.length && data.stop[byStop[added]] >= t; added++) {
                    int row = byStop[added];
                    inRiskSet++;
                    if (data.event[row]) {
                        deaths++;
                        dying.add(x, row * p, risk[row]);
                        loglik += eta[row];
                        for (int j = 0; j < p; j++) {
                            score[j] += x[row * p + j];
                        }
                    } else {
                        atRisk.add(x, row * p, risk[row]);
                    }
                }
                // Efron: the k-th of d tied events sees the others at risk and (d - k) / d of
                // the tied events' risk. Breslow, and Efron with a single event: all of it.
                int shares = ties == Ties.EFRON ? deaths : 1;
                double weight = (double) deaths / shares;
                for (int k = 0; k < shares; k++) {
                    double share = (double) (shares - k) / shares;
                    double denominator = atRisk.denominator + share * dying.denominator;
                    loglik -= weight * StrictMath.log(denominator);
                    for (int j = 0; j < p; j++) {
                        mean[j] = (atRisk.sum[j] + share * dying.sum[j]) / denominator;
                        score[j] -= weight * mean[j];
                    }
                    for (int j = 0, jl = 0; j < p; j++) {
                        for (int l = 0; l <= j; l++, jl++) {
                            double second =
                                    (atRisk.squares[jl] + share * dying.squares[jl]) / denominator;
                            information[j][l] += weight * (second - mean[j] * mean[l]);
                        }
                    }
                }
                atRisk.add(dying);
            }
        }
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < j; l++) {
                information[l][j] = information[j][l];
            }
        }
        return new Evaluation(loglik, score, information);
    }

    static double dot(double[] a, double[] b) {
        return dot(a, 0, b);
    }

    /** The dot product of {@code b} with the row of {@code x} that starts at {@code from}. */
    static double dot(double[] x, int from, double[] b) {
        double sum = 0;
        for (int j = 0; j < b.length; j++) {
            sum += x[from + j] * b[j];
        }
        return sum;
    }

    /**
     * Sums over a set of rows of the risk score, of x times it and of x x' times it, the last as
     * the lower triangle row by row in one array: these are updated for every row at every
     * iteration, and one flat array keeps the update to consecutive loads and stores.
     */
    private static final class RunningSums {
        double denominator;
        final double[] sum;
        final double[] squares;

        RunningSums(int p) {
            sum = new double[p];
            squares = new double[p * (p + 1) / 2];
        }

        /** Adds the row of {@code x} that starts at {@code from}. */
        void add(double[] x, int from, double risk) {
            denominator += risk;
            for (int j = 0, t = 0; j < sum.length; j++) {
                double weighted = risk * x[from + j];
                sum[j] += weighted;
                for (int l = 0; l <= j; l++, t++) {
                    squares[t] += weighted * x[from + l];
                }
            }
        }

        void add(RunningSums other) {
            denominator += other.denominator;
            for (int j = 0; j < sum.length; j++) {
                sum[j] += other.sum[j];
            }
            for (int t = 0; t < squares.length; t++) {
                squares[t] += other.squares[t];
            }
        }

        /** Clears the sums, as often as there are event times: loops, not calls, for a few. */
        void clear() {
            denominator = 0;
            for (int j = 0; j < sum.length; j++) {
                sum[j] = 0;
            }
            for (int t = 0; t < squares.length; t++) {
                squares[t] = 0;
            }
        }
    }
}
