package io.squeaky.generate;

import java.util.SplittableRandom;

/**
 * The proportional-hazards model of full resolution: an exponential baseline whose hazard each
 * covariate multiplies by its hazard ratio. Escalation to Twitter, reach (per tenfold of
 * followers), opening off hours and opening inside a brand storm are fixed when the case opens.
 */
public record HazardModel(
        double baselineMedianHours,
        double hrEscalation,
        double hrTenfoldFollowers,
        double hrOffHours,
        double hrStorm) {

    /**
     * Shortest resolution planted. A ticket needs a few distinct seconds for its own events;
     * raising the rare draws below this moves only values far under any median, so medians and
     * their ratios keep the planted values.
     */
    static final long MINIMUM_RESOLUTION_SECONDS = 120;

    /** Resolutions per second at hazard ratio 1. */
    double baselineHazard() {
        return Math.log(2) / (baselineMedianHours * 3600);
    }

    double hazardRatio(boolean escalated, long followers, boolean offHours, boolean storm) {
        double ratio = Math.pow(hrTenfoldFollowers, Math.log10(Math.max(followers, 1)));
        if (escalated) {
            ratio *= hrEscalation;
        }
        if (offHours) {
            ratio *= hrOffHours;
        }
        if (storm) {
            ratio *= hrStorm;
        }
        return ratio;
    }

    /** Whole seconds from opening to full resolution, exponential with the case's hazard. */
    long resolutionSeconds(double hazardRatio, SplittableRandom random) {
        double seconds = Draws.standardExponential(random) / (baselineHazard() * hazardRatio);
        return Math.max(MINIMUM_RESOLUTION_SECONDS, Math.round(seconds));
    }
}
