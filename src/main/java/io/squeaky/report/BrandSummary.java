package io.squeaky.report;

import io.squeaky.records.BrandSummaryLine;
import io.squeaky.records.CaseOutcome;
import io.squeaky.stats.KaplanMeier;
import io.squeaky.stats.MedianRatioBootstrap;
import io.squeaky.stats.MedianRatioInterval;
import io.squeaky.stats.Observation;
import io.squeaky.stats.QuantileEstimate;
import io.squeaky.stats.SurvivalCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * One brand's line of the end-of-run summary. Time to first reply is a Kaplan-Meier estimate over
 * every case, unanswered ones censored where observation ended, with a 95% Brookmeyer-Crowley
 * interval; the replied-only median and 90th percentile are kept beside it, labelled, because that
 * is what other tools report. The escalation ratio compares the Kaplan-Meier median time to
 * resolution of tickets escalated to a public channel with that of the others, with a 95% bootstrap
 * interval that resamples customers.
 */
public final class BrandSummary {

    /** Fewest tickets on each side for which the escalation ratio is shown. */
    static final int MINIMUM_GROUP = 10;

    static final int RESAMPLES = 499;
    static final long SEED = 20171031L;

    private BrandSummary() {}

    public static BrandSummaryLine line(String brand, List<CaseOutcome> outcomes) {
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
        QuantileEstimate median = replies.median();
        repliedOnly.sort(null);
        MedianRatioInterval ratio =
                escalated.size() >= MINIMUM_GROUP && others.size() >= MINIMUM_GROUP
                        ? MedianRatioBootstrap.interval(escalated, others, RESAMPLES, SEED, 0.95)
                        : null;
        return BrandSummaryLine.newBuilder()
                .setBrand(brand)
                .setCases(outcomes.size())
                .setReplied(repliedOnly.size())
                .setMedianReplyMinutes(median.point())
                .setMedianReplyLowerMinutes(median.lower())
                .setMedianReplyUpperMinutes(median.upper())
                .setAnsweredWithinHour(1 - replies.survivalAt(60.0))
                .setRepliedOnlyMedianMinutes(quantile(repliedOnly, 0.5) / 60.0)
                .setRepliedOnlyP90Minutes(quantile(repliedOnly, 0.9) / 60.0)
                .setEscalationRatio(ratio == null ? null : ratio.estimate())
                .setEscalationRatioLower(ratio == null ? null : ratio.lower())
                .setEscalationRatioUpper(ratio == null ? null : ratio.upper())
                .build();
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
