package io.squeaky.metrics;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.BrandHourRow;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.EquityRow;
import io.squeaky.records.PressureEffectRow;
import io.squeaky.stats.BootstrapMemo;
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
        return of(brand, periodStart, cases, settings, desk, null);
    }

    /**
     * The same rows, drawing each bootstrap interval through {@code memo} (none when null): the
     * provisional figures of a period, recomputed while its cases are open.
     */
    public static PeriodStatistics of(
            String brand,
            long periodStart,
            Collection<CaseFacts> cases,
            StatisticsSettings settings,
            BusinessSchedule desk,
            BootstrapMemo memo) {
        PeriodCases period = PeriodCases.of(brand, periodStart, cases);
        return new PeriodStatistics(
                BrandMetrics.rows(period, settings),
                PressureEffects.rows(period, settings, memo),
                Equity.rows(period, settings),
                BrandHours.rows(period, settings, desk));
    }
}
