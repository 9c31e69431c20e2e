package io.squeaky.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The Kaplan-Meier product-limit estimator with Greenwood's variance. */
public final class KaplanMeier {

    private KaplanMeier() {}

    /**
     * Fits the curve. Ties follow the usual convention (and R's): subjects censored at an event
     * time were still at risk at that time, so events are counted first.
     */
    public static SurvivalCurve fit(Collection<Observation> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("no observations");
        }
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparingDouble(Observation::time));

        List<Step> steps = new ArrayList<>();
        double survival = 1;
        double greenwoodSum = 0;
        int atRisk = sorted.size();
        int i = 0;
        while (i < sorted.size()) {
            double time = sorted.get(i).time();
            int events = 0;
            int censored = 0;
            for (; i < sorted.size() && sorted.get(i).time() == time; i++) {
                if (sorted.get(i).event()) {
                    events++;
                } else {
                    censored++;
                }
            }
            if (events > 0) {
                // (n - d) / n as one factor, as R's C code forms it, so curves agree to the bit.
                survival *= (double) (atRisk - events) / atRisk;
                greenwoodSum += (double) events / ((double) atRisk * (atRisk - events));
            }
            steps.add(new Step(time, atRisk, events, censored, survival, Math.sqrt(greenwoodSum)));
            atRisk -= events + censored;
        }
        return new SurvivalCurve(steps);
    }
}
