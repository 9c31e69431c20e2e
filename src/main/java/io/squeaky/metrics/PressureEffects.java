package io.squeaky.metrics;

import io.squeaky.metrics.Endpoint.Clock;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.PressureBucket;
import io.squeaky.records.PressureEffectRow;
import io.squeaky.stats.BootstrapMemo;
import io.squeaky.stats.KaplanMeier;
import io.squeaky.stats.LogRank;
import io.squeaky.stats.LogRankResult;
import io.squeaky.stats.MedianRatioBootstrap;
import io.squeaky.stats.MedianRatioInterval;
import io.squeaky.stats.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The pressure_effect rows of one brand and period: each comparison of two groups of cases, for
 * time to first reply and time to resolution in calendar time, as the ratio of the groups'
 * Kaplan-Meier medians with a customer-cluster bootstrap interval, and the log-rank test.
 */
final class PressureEffects {

    static final String METHOD =
            "Kaplan-Meier medians (R survfit conventions); ratio interval: percentile bootstrap"
                    + " resampling customers, %d replicates, level %.2f; log-rank test (R survdiff,"
                    + " rho = 0)";
    static final String METHOD_WITHOUT_INTERVAL =
            "Kaplan-Meier medians (R survfit conventions); no ratio interval: a group has fewer"
                    + " than %d cases; log-rank test (R survdiff, rho = 0)";

    /**
     * What a comparison of groups fixed over the whole case cannot tell: escalation happens in the
     * middle of a case, and the bucket counts posts and amplification up to the first reply, so
     * membership of the group depends on how long the case had already waited.
     */
    static final String IMMORTAL_TIME =
            "; caution: groups fixed at the open by what happened later in the case are subject to"
                    + " immortal-time bias (a case must wait unresolved to escalate or post again);"
                    + " see the effects table for hazard ratios with time-varying pressure";

    private PressureEffects() {}

    /** Whether the comparison's groups depend on what happened after the open. */
    static boolean fixedByLaterEvents(String comparison) {
        return comparison.equals("escalated_vs_not") || comparison.startsWith("pressure_");
    }

    /** Two groups of cases compared, the first on top of the ratio. */
    record Comparison(
            String name,
            String groupLabel,
            String referenceLabel,
            List<CaseFacts> group,
            List<CaseFacts> reference) {}

    static List<Comparison> comparisons(List<CaseFacts> cases) {
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(
                split(
                        "escalated_vs_not",
                        "escalated",
                        "not_escalated",
                        cases,
                        CaseFacts::getEscalated));
        List<CaseFacts> none = withBucket(cases, PressureBucket.NONE);
        for (PressureBucket bucket :
                List.of(PressureBucket.LOW, PressureBucket.MEDIUM, PressureBucket.HIGH)) {
            String level = bucket.name().toLowerCase(Locale.ROOT);
            comparisons.add(
                    new Comparison(
                            "pressure_" + level + "_vs_none",
                            bucket.name(),
                            PressureBucket.NONE.name(),
                            withBucket(cases, bucket),
                            none));
        }
        List<List<CaseFacts>> quintiles = RankGroups.of(cases, CaseFacts::getReachFollowers, 5);
        comparisons.add(
                new Comparison(
                        "reach_top_vs_bottom_quintile",
                        "reach_q5",
                        "reach_q1",
                        quintiles.get(4),
                        quintiles.get(0)));
        comparisons.add(
                split(
                        "off_hours_vs_business_hours",
                        "off_hours",
                        "business_hours",
                        cases,
                        facts -> !facts.getOpenedInBusinessHours()));
        return comparisons;
    }

    /** The rows; {@code memo}, when not null, draws the bootstrap intervals. */
    static List<PressureEffectRow> rows(
            PeriodCases cases, StatisticsSettings settings, BootstrapMemo memo) {
        List<PressureEffectRow> rows = new ArrayList<>();
        for (Comparison comparison : comparisons(cases.cases())) {
            for (Endpoint endpoint : Endpoint.values()) {
                List<Observation> group = endpoint.observations(comparison.group(), Clock.CALENDAR);
                List<Observation> reference =
                        endpoint.observations(comparison.reference(), Clock.CALENDAR);
                if (!group.isEmpty() && !reference.isEmpty()) {
                    rows.add(row(cases, settings, memo, comparison, endpoint, group, reference));
                }
            }
        }
        return rows;
    }

    private static PressureEffectRow row(
            PeriodCases cases,
            StatisticsSettings settings,
            BootstrapMemo memo,
            Comparison comparison,
            Endpoint endpoint,
            List<Observation> group,
            List<Observation> reference) {
        boolean enough =
                group.size() >= settings.minimumGroupCases()
                        && reference.size() >= settings.minimumGroupCases();
        long seed =
                settings.seedFor(
                        cases.brand(),
                        Long.toString(cases.periodStart()),
                        comparison.name(),
                        endpoint.label());
        MedianRatioInterval interval =
                !enough
                        ? null
                        : memo != null
                                ? memo.interval(
                                        group,
                                        reference,
                                        settings.replications(),
                                        seed,
                                        settings.level())
                                : MedianRatioBootstrap.interval(
                                        group,
                                        reference,
                                        settings.replications(),
                                        seed,
                                        settings.level());
        LogRankResult test = LogRank.test(group, reference);
        return PressureEffectRow.newBuilder()
                .setBrand(cases.brand())
                .setPeriod(settings.period().name())
                .setPeriodStart(cases.periodStart())
                .setComparison(comparison.name())
                .setEndpoint(endpoint.label())
                .setGroupLabel(comparison.groupLabel())
                .setReferenceLabel(comparison.referenceLabel())
                .setGroupCases(group.size())
                .setGroupEvents(events(group))
                .setReferenceCases(reference.size())
                .setReferenceEvents(events(reference))
                .setGroupMedianSeconds(median(group))
                .setReferenceMedianSeconds(median(reference))
                .setMedianRatio(
                        Estimates.cell(MedianRatioBootstrap.pointEstimate(group, reference)))
                .setRatioLower(interval == null ? null : Estimates.cell(interval.lower()))
                .setRatioUpper(interval == null ? null : Estimates.cell(interval.upper()))
                .setConfidenceLevel(interval == null ? null : settings.level())
                .setReplications(interval == null ? 0 : interval.replications())
                .setUndefinedReplications(interval == null ? 0 : interval.undefinedReplications())
                .setLogrankChiSquare(Estimates.cell(test.chiSquare()))
                .setLogrankPValue(Estimates.cell(test.pValue()))
                .setMethod(
                        (enough
                                        ? String.format(
                                                Locale.ROOT,
                                                METHOD,
                                                settings.replications(),
                                                settings.level())
                                        : String.format(
                                                Locale.ROOT,
                                                METHOD_WITHOUT_INTERVAL,
                                                settings.minimumGroupCases()))
                                + (fixedByLaterEvents(comparison.name()) ? IMMORTAL_TIME : ""))
                .setConfigHash(settings.configHash())
                .build();
    }

    private static Double median(List<Observation> observations) {
        return Estimates.cell(KaplanMeier.fit(observations).quantilePoint(0.5));
    }

    private static int events(List<Observation> observations) {
        return (int) observations.stream().filter(Observation::event).count();
    }

    private static List<CaseFacts> withBucket(List<CaseFacts> cases, PressureBucket bucket) {
        return cases.stream().filter(c -> bucket.name().equals(c.getPressureBucket())).toList();
    }

    private static Comparison split(
            String name,
            String groupLabel,
            String referenceLabel,
            List<CaseFacts> cases,
            Predicate<CaseFacts> inGroup) {
        List<CaseFacts> group = new ArrayList<>();
        List<CaseFacts> reference = new ArrayList<>();
        for (CaseFacts facts : cases) {
            (inGroup.test(facts) ? group : reference).add(facts);
        }
        return new Comparison(name, groupLabel, referenceLabel, group, reference);
    }
}
