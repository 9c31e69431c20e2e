package io.squeaky.flink;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.metrics.PeriodStatistics;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.metrics.StatsPeriod;
import io.squeaky.records.BrandHourRow;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.EquityRow;
import io.squeaky.records.PressureEffectRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by brand and period (see {@link #key}): an event-time window over the cases a brand opened
 * in one period, firing when the watermark shows that every one of them has closed (the period's
 * end plus the maximum case length), and then writing that period's rows of all four statistics
 * tables. In BATCH mode the timer fires at the end of each key, after all its cases, so the same
 * windows hold the same cases and give the same rows.
 *
 * <p>State: the window's cases, appended one by one and cleared when its timer fires.
 */
public final class BrandPeriodStatistics
        extends KeyedProcessFunction<String, CaseFacts, BrandMetricRow> {

    public static final OutputTag<PressureEffectRow> PRESSURE_EFFECTS =
            new OutputTag<>("pressure-effect", new AvroTypeInfo<>(PressureEffectRow.class));
    public static final OutputTag<EquityRow> EQUITY =
            new OutputTag<>("equity", new AvroTypeInfo<>(EquityRow.class));
    public static final OutputTag<BrandHourRow> BRAND_HOURS =
            new OutputTag<>("brand-hours", new AvroTypeInfo<>(BrandHourRow.class));

    private static final char SEPARATOR = '\n';

    private final StatisticsSettings settings;
    private final ScheduleBook schedules;

    private transient ListState<CaseFacts> cases;
    private transient Count lateCases;
    private transient Count summarised;

    public BrandPeriodStatistics(StatisticsSettings settings, ScheduleBook schedules) {
        this.settings = settings;
        this.schedules = schedules;
    }

    /** The window a case belongs to: the start of its period, then its brand. */
    public static KeySelector<CaseFacts, String> key(StatisticsSettings settings) {
        StatsPeriod period = settings.period();
        return facts ->
                period.startOf(facts.getOpenedAt()) + String.valueOf(SEPARATOR) + facts.getBrand();
    }

    @Override
    public void open(OpenContext openContext) {
        cases =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "cases", new AvroTypeInfo<>(CaseFacts.class)));
        lateCases = new Count(getRuntimeContext(), Counters.LATE_FOR_STATISTICS);
        summarised = new Count(getRuntimeContext(), Counters.STATISTICS_PERIODS);
    }

    @Override
    public void processElement(CaseFacts facts, Context ctx, Collector<BrandMetricRow> out)
            throws Exception {
        long firesAt = settings.firesAt(periodStart(ctx.getCurrentKey()));
        if (firesAt <= ctx.timerService().currentWatermark()) {
            // Only a restore with a shorter maximum case length can get here; the case itself
            // is in the cases table, and the count makes the gap visible.
            lateCases.inc();
            return;
        }
        cases.add(facts);
        ctx.timerService().registerEventTimeTimer(firesAt);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BrandMetricRow> out)
            throws Exception {
        String key = ctx.getCurrentKey();
        String brand = key.substring(key.indexOf(SEPARATOR) + 1);
        List<CaseFacts> window = new ArrayList<>();
        cases.get().forEach(window::add);
        cases.clear();
        PeriodStatistics rows =
                PeriodStatistics.of(brand, periodStart(key), window, settings, schedules.of(brand));
        rows.brandMetrics().forEach(out::collect);
        rows.pressureEffects().forEach(row -> ctx.output(PRESSURE_EFFECTS, row));
        rows.equity().forEach(row -> ctx.output(EQUITY, row));
        rows.brandHours().forEach(row -> ctx.output(BRAND_HOURS, row));
        summarised.inc();
    }

    private static long periodStart(String key) {
        return Long.parseLong(key.substring(0, key.indexOf(SEPARATOR)));
    }
}
