package io.squeaky.stats;

/** How the fit of a Cox model ended. Only {@link #CONVERGED} estimates are to be reported. */
public enum CoxStatus {
    CONVERGED,
    /** The iteration limit was reached first (R: "Ran out of iterations and did not converge"). */
    NOT_CONVERGED,
    /**
     * The log-likelihood converged while a coefficient was still moving: it is heading to infinity,
     * as it does when a covariate separates the events from the survivors (R: "Loglik converged
     * before variable ...; beta may be infinite").
     */
    INFINITE_COEFFICIENT
}
