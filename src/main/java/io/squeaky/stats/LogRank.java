package io.squeaky.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The two-sample log-rank test, as R's {@code survdiff} with {@code rho = 0}. */
public final class LogRank {

    private LogRank() {}

    public static LogRankResult test(
            Collection<Observation> first, Collection<Observation> second) {
        List<Labelled> all = new ArrayList<>();
        first.forEach(observation -> all.add(new Labelled(observation, true)));
        second.forEach(observation -> all.add(new Labelled(observation, false)));
        all.sort(Comparator.comparingDouble(labelled -> labelled.observation().time()));

        int atRiskFirst = first.size();
        int atRiskSecond = second.size();
        double observed = 0;
        double expected = 0;
        double variance = 0;
        int i = 0;
        while (i < all.size()) {
            double time = all.get(i).observation().time();
            int eventsFirst = 0;
            int events = 0;
            int leavingFirst = 0;
            int leaving = 0;
            for (; i < all.size() && all.get(i).observation().time() == time; i++) {
                Labelled labelled = all.get(i);
                boolean event = labelled.observation().event();
                events += event ? 1 : 0;
                eventsFirst += event && labelled.inFirst() ? 1 : 0;
                leavingFirst += labelled.inFirst() ? 1 : 0;
                leaving++;
            }
            double atRisk = atRiskFirst + atRiskSecond;
            if (events > 0) {
                observed += eventsFirst;
                expected += events * atRiskFirst / atRisk;
                if (atRisk > 1) {
                    variance +=
                            events
                                    * (atRisk - events)
                                    * atRiskFirst
                                    * atRiskSecond
                                    / (atRisk * atRisk * (atRisk - 1));
                }
            }
            atRiskFirst -= leavingFirst;
            atRiskSecond -= leaving - leavingFirst;
        }
        double chiSquare =
                variance > 0
                        ? (observed - expected) * (observed - expected) / variance
                        : Double.NaN;
        return new LogRankResult(
                observed, expected, variance, chiSquare, chiSquareOneUpper(chiSquare));
    }

    /** P(X > x) for X chi-square with one degree of freedom: X is a squared standard normal. */
    static double chiSquareOneUpper(double x) {
        return ErrorFunction.erfc(Math.sqrt(x / 2));
    }

    private record Labelled(Observation observation, boolean inFirst) {}
}
