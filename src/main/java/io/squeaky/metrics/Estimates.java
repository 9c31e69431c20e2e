package io.squeaky.metrics;

import io.squeaky.stats.Step;
import io.squeaky.stats.SurvivalCurve;
import java.util.List;

/** Estimates as table cells: what the data leave undefined becomes null, not NaN. */
final class Estimates {

    private Estimates() {}

    static Double cell(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /**
     * The Kaplan-Meier share that had the event by {@code seconds}, {@code 1 - S(t)}; null when
     * {@code t} lies beyond the last observed time while the curve had not reached zero, where the
     * data say nothing.
     */
    static Double shareWithin(SurvivalCurve curve, double seconds) {
        List<Step> steps = curve.steps();
        Step last = steps.get(steps.size() - 1);
        if (seconds > last.time() && last.survival() > 0) {
            return null;
        }
        return 1 - curve.survivalAt(seconds);
    }

    /** The Kaplan-Meier share still waiting at {@code seconds}, or null as above. */
    static Double stillWaiting(SurvivalCurve curve, double seconds) {
        Double share = shareWithin(curve, seconds);
        return share == null ? null : 1 - share;
    }
}
