package io.squeaky.metrics;

import io.squeaky.metrics.Endpoint.Clock;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.EquityRow;
import io.squeaky.stats.KaplanMeier;
import io.squeaky.stats.Observation;
import io.squeaky.stats.SurvivalCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * The equity rows of one brand and period: time to first reply by follower decile within the brand
 * (Kaplan-Meier shares answered within 24 and 72 hours, median), and the left-behind index, the
 * Kaplan-Meier share of the bottom three deciles still unanswered at 24 and 72 hours over that of
 * the top three. Cases whose follower count is unknown get their own row, without a decile.
 */
final class Equity {

    private static final double DAY = 86_400;

    private Equity() {}

    static List<EquityRow> rows(PeriodCases cases, StatisticsSettings settings) {
        List<List<CaseFacts>> deciles =
                RankGroups.of(cases.cases(), CaseFacts::getFollowersAtOpen, 10);
        List<CaseFacts> bottom = new ArrayList<>();
        List<CaseFacts> top = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            bottom.addAll(deciles.get(d));
            top.addAll(deciles.get(9 - d));
        }
        LeftBehind day = LeftBehind.at(bottom, top, DAY);
        LeftBehind threeDays = LeftBehind.at(bottom, top, 3 * DAY);

        List<EquityRow> rows = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            List<CaseFacts> decile = deciles.get(d);
            if (!decile.isEmpty()) {
                rows.add(row(cases, settings, d + 1, decile, day, threeDays));
            }
        }
        List<CaseFacts> unknown =
                cases.cases().stream().filter(c -> c.getFollowersAtOpen() == null).toList();
        if (!unknown.isEmpty()) {
            rows.add(row(cases, settings, null, unknown, day, threeDays));
        }
        return rows;
    }

    private static EquityRow row(
            PeriodCases cases,
            StatisticsSettings settings,
            Integer decile,
            List<CaseFacts> members,
            LeftBehind day,
            LeftBehind threeDays) {
        SurvivalCurve curve = KaplanMeier.fit(replies(members));
        return EquityRow.newBuilder()
                .setBrand(cases.brand())
                .setPeriod(settings.period().name())
                .setPeriodStart(cases.periodStart())
                .setFollowerDecile(decile)
                .setFollowersMin(decile == null ? null : members.get(0).getFollowersAtOpen())
                .setFollowersMax(
                        decile == null
                                ? null
                                : members.get(members.size() - 1).getFollowersAtOpen())
                .setCases(members.size())
                .setReplied((int) members.stream().filter(CaseFacts::getReplied).count())
                .setAnsweredWithin24h(Estimates.shareWithin(curve, DAY))
                .setAnsweredWithin72h(Estimates.shareWithin(curve, 3 * DAY))
                .setMedianReplySeconds(Estimates.cell(curve.quantilePoint(0.5)))
                .setBottom3Unanswered24h(day.bottom())
                .setTop3Unanswered24h(day.top())
                .setLeftBehind24h(day.index())
                .setBottom3Unanswered72h(threeDays.bottom())
                .setTop3Unanswered72h(threeDays.top())
                .setLeftBehind72h(threeDays.index())
                .setConfigHash(settings.configHash())
                .build();
    }

    private static List<Observation> replies(List<CaseFacts> cases) {
        return Endpoint.FIRST_REPLY.observations(cases, Clock.CALENDAR);
    }

    /** Shares still unanswered at one time in the bottom and top three deciles, and their ratio. */
    private record LeftBehind(Double bottom, Double top, Double index) {

        static LeftBehind at(List<CaseFacts> bottom, List<CaseFacts> top, double seconds) {
            Double low = waiting(bottom, seconds);
            Double high = waiting(top, seconds);
            Double index = low == null || high == null ? null : Estimates.cell(low / high);
            return new LeftBehind(low, high, index);
        }

        private static Double waiting(List<CaseFacts> cases, double seconds) {
            return cases.isEmpty()
                    ? null
                    : Estimates.stillWaiting(KaplanMeier.fit(replies(cases)), seconds);
        }
    }
}
