package io.squeaky.report;

import io.squeaky.records.CaseOutcome;
import io.squeaky.stats.KaplanMeier;
import io.squeaky.stats.MedianRatioBootstrap;
import io.squeaky.stats.MedianRatioInterval;
import io.squeaky.stats.Observation;
import io.squeaky.stats.QuantileEstimate;
import io.squeaky.stats.SurvivalCurve;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One brand's line of the end-of-run summary. Time to first reply is a Kaplan-Meier estimate over
 * every case, unanswered ones censored where observation ended, with a 95% Brookmeyer-Crowley
 * interval; the replied-only median and 90th percentile are kept beside it, labelled, because that
 * is what other tools report. The escalation ratio compares the Kaplan-Meier median time to
 * resolution of tickets escalated to a public channel with that of the others, with a 95% bootstrap
 * interval that resamples customers.
 */
public record BrandSummary(
        String brand,
        int cases,
        int replied,
        QuantileEstimate medianReplyMinutes,
        double answeredWithinHour,
        double repliedOnlyMedianMinutes,
        double repliedOnlyP90Minutes,
        MedianRatioInterval escalationRatio) {

    /** Fewest tickets on each side for which the escalation ratio is shown. */
    static final int MINIMUM_GROUP = 10;

    static final int RESAMPLES = 499;
    static final long SEED = 20171031L;

    public static List<BrandSummary> of(List<CaseOutcome> cases) {
        Map<String, List<CaseOutcome>> byBrand = new TreeMap<>();
        cases.forEach(c -> byBrand.computeIfAbsent(c.getBrand(), b -> new ArrayList<>()).add(c));
        List<BrandSummary> lines = new ArrayList<>();
        byBrand.forEach((brand, outcomes) -> lines.add(line(brand, outcomes)));
        lines.sort(Comparator.comparingInt(BrandSummary::cases).reversed());
        return lines;
    }

    private static BrandSummary line(String brand, List<CaseOutcome> outcomes) {
        List<Observation> reply = new ArrayList<>();
        List<Long> repliedOnly = new ArrayList<>();
        List<Observation> escalated = new ArrayList<>();
        List<Observation> others = new ArrayList<>();
        for (CaseOutcome c : outcomes) {
            reply.add(
                    new Observation(c.getReplySeconds() / 60.0, c.getReplied(), c.getCustomerId()));
            if (c.getReplied()) {
                repliedOnly.add(c.getReplySeconds());
            }
            if (c.getTicket()) {
                (c.getEscalated() ? escalated : others)
                        .add(
                                new Observation(
                                        c.getResolutionSeconds() / 3600.0,
                                        c.getResolved(),
                                        c.getCustomerId()));
            }
        }
        SurvivalCurve replies = KaplanMeier.fit(reply);
        repliedOnly.sort(null);
        MedianRatioInterval ratio =
                escalated.size() >= MINIMUM_GROUP && others.size() >= MINIMUM_GROUP
                        ? MedianRatioBootstrap.interval(escalated, others, RESAMPLES, SEED, 0.95)
                        : null;
        return new BrandSummary(
                brand,
                outcomes.size(),
                repliedOnly.size(),
                replies.median(),
                1 - replies.survivalAt(60.0),
                quantile(repliedOnly, 0.5) / 60.0,
                quantile(repliedOnly, 0.9) / 60.0,
                ratio);
    }

    /** Linear interpolation between order statistics (R's type 7); NaN when empty. */
    static double quantile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        double h = (sorted.size() - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
