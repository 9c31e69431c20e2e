package io.squeaky.flink;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.metrics.PeriodStatistics;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.records.BrandHourRow;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.EquityRow;
import io.squeaky.records.PressureEffectRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by brand: an event-time window per period over the cases opened in it, firing when the
 * watermark shows that every one of them has closed (the period's end plus the maximum case
 * length), and then writing that period's rows of all four statistics tables. In BATCH mode the
 * timers fire at the end of each brand, after all its cases, so the same windows hold the same
 * cases and give the same rows.
 *
 * <p>State: the cases of each period not yet fired, cleared when its timer fires.
 */
public final class BrandPeriodStatistics
        extends KeyedProcessFunction<String, CaseFacts, BrandMetricRow> {

    public static final OutputTag<PressureEffectRow> PRESSURE_EFFECTS =
            new OutputTag<>("pressure-effect", new AvroTypeInfo<>(PressureEffectRow.class));
    public static final OutputTag<EquityRow> EQUITY =
            new OutputTag<>("equity", new AvroTypeInfo<>(EquityRow.class));
    public static final OutputTag<BrandHourRow> BRAND_HOURS =
            new OutputTag<>("brand-hours", new AvroTypeInfo<>(BrandHourRow.class));

    private final StatisticsSettings settings;
    private final ScheduleBook schedules;

    private transient MapState<Long, List<CaseFacts>> periods;
    private transient Count lateCases;

    public BrandPeriodStatistics(StatisticsSettings settings, ScheduleBook schedules) {
        this.settings = settings;
        this.schedules = schedules;
    }

    @Override
    public void open(OpenContext openContext) {
        periods =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "periods",
                                        Types.LONG,
                                        Types.LIST(new AvroTypeInfo<>(CaseFacts.class))));
        lateCases = new Count(getRuntimeContext(), Counters.LATE_FOR_STATISTICS);
    }

    @Override
    public void processElement(CaseFacts facts, Context ctx, Collector<BrandMetricRow> out)
            throws Exception {
        long start = settings.period().startOf(facts.getOpenedAt());
        long firesAt = settings.firesAt(start);
        if (firesAt <= ctx.timerService().currentWatermark()) {
            // Only a restore with a shorter maximum case length can get here; the case itself
            // is in the cases table, and the count makes the gap visible.
            lateCases.inc();
            return;
        }
        List<CaseFacts> cases = periods.get(start);
        if (cases == null) {
            cases = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(firesAt);
        }
        cases.add(facts);
        periods.put(start, cases);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BrandMetricRow> out)
            throws Exception {
        long start = settings.period().startOf(timestamp - settings.settleMillis());
        List<CaseFacts> cases = periods.get(start);
        if (cases == null) {
            return;
        }
        periods.remove(start);
        String brand = ctx.getCurrentKey();
        PeriodStatistics rows =
                PeriodStatistics.of(brand, start, cases, settings, schedules.of(brand));
        rows.brandMetrics().forEach(out::collect);
        rows.pressureEffects().forEach(row -> ctx.output(PRESSURE_EFFECTS, row));
        rows.equity().forEach(row -> ctx.output(EQUITY, row));
        rows.brandHours().forEach(row -> ctx.output(BRAND_HOURS, row));
    }
}
