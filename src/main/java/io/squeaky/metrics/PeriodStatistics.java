package io.squeaky.metrics;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.BrandHourRow;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.EquityRow;
import io.squeaky.records.PressureEffectRow;
import java.util.Collection;
import java.util.List;

/** The rows of the four statistics tables for the cases one brand opened in one period. */
public record PeriodStatistics(
        List<BrandMetricRow> brandMetrics,
        List<PressureEffectRow> pressureEffects,
        List<EquityRow> equity,
        List<BrandHourRow> brandHours) {

    public static PeriodStatistics of(
            String brand,
            long periodStart,
            Collection<CaseFacts> cases,
            StatisticsSettings settings,
            BusinessSchedule desk) {
        PeriodCases period = PeriodCases.of(brand, periodStart, cases);
        return new PeriodStatistics(
                BrandMetrics.rows(period, settings),
                PressureEffects.rows(period, settings),
                Equity.rows(period, settings),
                BrandHours.rows(period, settings, desk));
    }
}
