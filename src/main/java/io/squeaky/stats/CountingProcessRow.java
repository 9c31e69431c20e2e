package io.squeaky.stats;

import java.util.Objects;

/**
 * One row of counting-process data, R's {@code Surv(start, stop, event)}: the subject is at risk
 * over {@code (start, stop]} with the covariates fixed over it, and {@code event} says whether the
 * event happened at {@code stop}. A subject whose covariates change has one row per constant
 * stretch; a row whose start is later than the subject's origin is delayed entry.
 *
 * @param stratum the stratum (each has its own baseline hazard); rows of a model without strata
 *     share one
 * @param cluster the unit whose rows are correlated (a customer, a patient) for the robust
 *     variance, or null when the model has none
 */
public record CountingProcessRow(
        double start,
        double stop,
        boolean event,
        double[] covariates,
        String stratum,
        String cluster) {

    public CountingProcessRow {
        if (!Double.isFinite(start) || !Double.isFinite(stop) || !(stop > start)) {
            throw new IllegalArgumentException(
                    "need finite start < stop, as R's Surv: (" + start + ", " + stop + "]");
        }
        covariates = covariates.clone();
        for (double value : covariates) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("covariates must be finite: " + value);
            }
        }
        Objects.requireNonNull(stratum, "stratum");
    }

    @Override
    public double[] covariates() {
        return covariates.clone();
    }
}
