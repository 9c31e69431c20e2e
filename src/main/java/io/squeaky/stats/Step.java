package io.squeaky.stats;

/**
 * The Kaplan-Meier curve at one distinct observed time, as a row of R's {@code survfit}: censored
 * subjects are still counted at risk at their own time.
 *
 * @param survival the estimate just after {@code time}
 * @param logSurvivalSe the Greenwood standard error of {@code log(survival)}, what R's {@code
 *     survfit} stores as {@code std.err}; infinite once everyone left at risk has had the event
 */
public record Step(
        double time, int atRisk, int events, int censored, double survival, double logSurvivalSe) {

    /**
     * Greenwood standard error of the survival estimate itself, as R's {@code summary(survfit)}
     * prints it; {@link Double#NaN} where the curve has dropped to zero, as in R.
     */
    public double greenwoodSe() {
        return survival * logSurvivalSe;
    }
}
