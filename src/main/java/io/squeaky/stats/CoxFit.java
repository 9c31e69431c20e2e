package io.squeaky.stats;

import java.util.List;

/**
 * A fitted Cox proportional-hazards model: what R's {@code summary(coxph(...))} prints.
 *
 * @param coefficients one per covariate, in the data's order
 * @param status how the iteration ended; {@code message} says why when it is not converged
 * @param n the rows, R's {@code n}
 * @param events the events, R's {@code nevent}
 * @param clusters the clusters behind the robust variance, 0 without one
 * @param initialLoglik the log partial likelihood at beta = 0, R's {@code loglik[1]}
 * @param loglik the log partial likelihood at the estimate, R's {@code loglik[2]}
 * @param likelihoodRatio {@code 2 (loglik - initialLoglik)}
 * @param wald {@code b' V^-1 b}, with the robust V when there is a cluster, as R's
 * @param score the score (log-rank) test of beta = 0, model-based
 * @param robustScore the robust score test of beta = 0, null without a cluster and from {@link
 *     CoxModel#fitCoefficients}
 * @param concordance Harrell's C of the linear predictor, as R's {@code concordance}; null from
 *     {@link CoxModel#fitCoefficients}
 * @param iterations Newton-Raphson iterations, R's {@code iter}
 * @param notes what the reader should know about the estimates, such as covariates dropped
 */
public record CoxFit(
        List<CoxCoefficient> coefficients,
        Ties ties,
        CoxStatus status,
        String message,
        int n,
        int events,
        int clusters,
        double initialLoglik,
        double loglik,
        CoxTest likelihoodRatio,
        CoxTest wald,
        CoxTest score,
        CoxTest robustScore,
        Concordance concordance,
        int iterations,
        List<String> notes) {

    public CoxFit {
        coefficients = List.copyOf(coefficients);
        notes = List.copyOf(notes);
    }

    public CoxCoefficient coefficient(String covariate) {
        return coefficients.stream()
                .filter(coefficient -> coefficient.covariate().equals(covariate))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no covariate " + covariate));
    }

    public boolean converged() {
        return status == CoxStatus.CONVERGED;
    }
}
