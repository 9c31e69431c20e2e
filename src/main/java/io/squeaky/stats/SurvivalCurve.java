package io.squeaky.stats;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** A fitted Kaplan-Meier curve: one {@link Step} per distinct observed time, ascending. */
public final class SurvivalCurve {

    private final List<Step> steps;

    SurvivalCurve(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    /**
     * S(t), right-continuous: 1 before the first observed time, and beyond the last one the last
     * value, though nothing was observed there.
     */
    public double survivalAt(double time) {
        int low = 0;
        int high = steps.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (steps.get(middle).time() <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? 1 : steps.get(found).survival();
    }

    /** The median with 95% log-log Brookmeyer-Crowley limits; see {@link #quantile(double)}. */
    public QuantileEstimate median() {
        return quantile(0.5);
    }

    /** The p-quantile with 95% log-log limits, R's {@code conf.type = "log-log"}. */
    public QuantileEstimate quantile(double p) {
        return quantile(p, ConfidenceBand.LOG_LOG_95);
    }

    /**
     * The p-quantile, the time by which a fraction p has had the event, with the Brookmeyer-
     * Crowley confidence interval as R computes it: the times at which the pointwise band for S
     * crosses {@code 1 - p} bound the set of t whose interval for S(t) contains {@code 1 - p}.
     */
    public QuantileEstimate quantile(double p, ConfidenceBand band) {
        return new QuantileEstimate(
                quantilePoint(p), search(p, band::lower), search(p, band::upper));
    }

    /**
     * The p-quantile alone, without the band; {@link Double#NaN} if the curve never falls to {@code
     * 1 - p}. Cheaper than {@link #quantile(double)}, for resampling.
     */
    public double quantilePoint(double p) {
        return search(p, Step::survival);
    }

    private double search(double p, ToDoubleFunction<Step> survival) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + p);
        }
        double[] times = new double[steps.size() + 1];
        double[] distribution = new double[steps.size() + 1];
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            times[i + 1] = step.time();
            distribution[i + 1] = 1 - survival.applyAsDouble(step);
        }
        return QuantileSearch.find(times, distribution, p);
    }
}
