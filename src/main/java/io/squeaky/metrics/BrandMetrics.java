package io.squeaky.metrics;

import io.squeaky.metrics.Endpoint.Clock;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseFacts;
import io.squeaky.stats.KaplanMeier;
import io.squeaky.stats.Observation;
import io.squeaky.stats.QuantileEstimate;
import io.squeaky.stats.SurvivalCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The brand_metrics rows of one brand and period: for each first channel and pressure bucket, and
 * for every channel and every bucket together ({@value #ALL_CHANNELS} and {@value #ALL_BUCKETS}),
 * Kaplan-Meier medians and 90th percentiles with 95% log-log intervals and the shares served within
 * an hour and a day, per endpoint and clock. Quantiles cannot be added up across groups, hence the
 * rolled-up rows.
 */
final class BrandMetrics {

    static final String ALL_CHANNELS = "all";
    static final String ALL_BUCKETS = "ALL";
    static final String UNKNOWN_BUCKET = "UNKNOWN";

    private BrandMetrics() {}

    static List<BrandMetricRow> rows(PeriodCases cases, StatisticsSettings settings) {
        Map<List<String>, List<CaseFacts>> groups = new TreeMap<>(BrandMetrics::compare);
        for (CaseFacts facts : cases.cases()) {
            String bucket =
                    facts.getPressureBucket() == null ? UNKNOWN_BUCKET : facts.getPressureBucket();
            for (String channel : List.of(facts.getFirstChannel(), ALL_CHANNELS)) {
                for (String pressure : List.of(bucket, ALL_BUCKETS)) {
                    groups.computeIfAbsent(List.of(channel, pressure), g -> new ArrayList<>())
                            .add(facts);
                }
            }
        }
        List<BrandMetricRow> rows = new ArrayList<>();
        groups.forEach(
                (group, members) -> {
                    for (Endpoint endpoint : Endpoint.values()) {
                        for (Clock clock : Clock.values()) {
                            List<Observation> observations = endpoint.observations(members, clock);
                            if (!observations.isEmpty()) {
                                rows.add(
                                        row(cases, settings, group, endpoint, clock, observations));
                            }
                        }
                    }
                });
        return rows;
    }

    private static BrandMetricRow row(
            PeriodCases cases,
            StatisticsSettings settings,
            List<String> group,
            Endpoint endpoint,
            Clock clock,
            List<Observation> observations) {
        SurvivalCurve curve = KaplanMeier.fit(observations);
        QuantileEstimate median = curve.median();
        QuantileEstimate p90 = curve.quantile(0.9);
        int events = (int) observations.stream().filter(Observation::event).count();
        return BrandMetricRow.newBuilder()
                .setBrand(cases.brand())
                .setPeriod(settings.period().name())
                .setPeriodStart(cases.periodStart())
                .setFirstChannel(group.get(0))
                .setPressureBucket(group.get(1))
                .setEndpoint(endpoint.label())
                .setClock(clock.label())
                .setCases(observations.size())
                .setEvents(events)
                .setCensored(observations.size() - events)
                .setMedianSeconds(Estimates.cell(median.point()))
                .setMedianLowerSeconds(Estimates.cell(median.lower()))
                .setMedianUpperSeconds(Estimates.cell(median.upper()))
                .setP90Seconds(Estimates.cell(p90.point()))
                .setP90LowerSeconds(Estimates.cell(p90.lower()))
                .setP90UpperSeconds(Estimates.cell(p90.upper()))
                .setShareWithin1h(Estimates.shareWithin(curve, 3600))
                .setShareWithin24h(Estimates.shareWithin(curve, 86_400))
                .setConfigHash(settings.configHash())
                .build();
    }

    private static int compare(List<String> a, List<String> b) {
        int channels = a.get(0).compareTo(b.get(0));
        return channels != 0 ? channels : a.get(1).compareTo(b.get(1));
    }
}
