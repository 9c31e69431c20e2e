package io.squeaky.flink;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.metrics.OpenCaseCensoring;
import io.squeaky.metrics.PeriodStatistics;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.metrics.StatsPeriod;
import io.squeaky.records.BrandHourRow;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.EquityRow;
import io.squeaky.records.OpenCase;
import io.squeaky.records.PressureEffectRow;
import io.squeaky.records.ProvisionalRow;
import io.squeaky.stats.BootstrapMemo;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by brand and period (see {@link #key}): an event-time window over the cases a brand opened
 * in one period, firing when the watermark shows that every one of them has closed (the period's
 * end plus the maximum case length), and then writing that period's rows of all four statistics
 * tables. In BATCH mode the timer fires at the end of each key, after all its cases, so the same
 * windows hold the same cases and give the same rows.
 *
 * <p>Until then, the second input brings versions of the period's cases still open, which the
 * window censors at each provisional instant, writing provisional rows as of that instant to {@link
 * #PROVISIONAL} (see {@link ProvisionalWindow}). A batch run cut at an instant writes the rows of
 * the periods not final there as provisional rows as of it.
 *
 * <p>State: the window's cases, appended one by one and cleared when its timer fires; the open
 * cases' versions, cleared then too.
 */
public final class BrandPeriodStatistics
        extends KeyedCoProcessFunction<String, CaseFacts, OpenCase, BrandMetricRow> {

    public static final OutputTag<PressureEffectRow> PRESSURE_EFFECTS =
            new OutputTag<>("pressure-effect", new AvroTypeInfo<>(PressureEffectRow.class));
    public static final OutputTag<EquityRow> EQUITY =
            new OutputTag<>("equity", new AvroTypeInfo<>(EquityRow.class));
    public static final OutputTag<BrandHourRow> BRAND_HOURS =
            new OutputTag<>("brand-hours", new AvroTypeInfo<>(BrandHourRow.class));
    public static final OutputTag<ProvisionalRow> PROVISIONAL =
            new OutputTag<>("provisional-statistics", new AvroTypeInfo<>(ProvisionalRow.class));

    private static final char SEPARATOR = '\n';

    /**
     * Seeds whose last bootstrap interval a subtask remembers: a dozen per brand-period, for the
     * brand-periods with open cases at once (a few days per brand); each holds its observations.
     */
    private static final int MEMO_SEEDS = 1024;

    private final StatisticsSettings settings;
    private final ScheduleBook schedules;
    private final ProvisionalSchedule provisional;

    private transient ListState<CaseFacts> cases;
    private transient ProvisionalWindow<CaseFacts> provisionalWindow;
    private transient Count lateCases;
    private transient Count summarised;
    private transient Count provisionalRows;
    private transient LongMaximum provisionalAsOf;
    private transient BootstrapMemo bootstrapMemo;

    public BrandPeriodStatistics(
            StatisticsSettings settings, ScheduleBook schedules, ProvisionalSchedule provisional) {
        this.settings = settings;
        this.schedules = schedules;
        this.provisional = provisional;
    }

    /** The window a case belongs to: the start of its period, then its brand. */
    public static KeySelector<CaseFacts, String> key(StatisticsSettings settings) {
        StatsPeriod period = settings.period();
        return facts -> keyOf(period, facts);
    }

    /** The window of an open case's version: the same as the case's once it has closed. */
    public static KeySelector<OpenCase, String> openKey(StatisticsSettings settings) {
        StatsPeriod period = settings.period();
        return open -> keyOf(period, open.getOpenedAt(), open.getBrand());
    }

    private static String keyOf(StatsPeriod period, CaseFacts facts) {
        return keyOf(period, facts.getOpenedAt(), facts.getBrand());
    }

    private static String keyOf(StatsPeriod period, long openedAt, CharSequence brand) {
        return period.startOf(openedAt) + String.valueOf(SEPARATOR) + brand;
    }

    @Override
    public void open(OpenContext openContext) {
        cases =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "cases", new AvroTypeInfo<>(CaseFacts.class)));
        provisionalWindow =
                new ProvisionalWindow<>(
                        getRuntimeContext(),
                        provisional,
                        (draft, instant) ->
                                List.of(OpenCaseCensoring.facts(draft, instant, schedules)),
                        CaseFacts::getCaseId);
        lateCases = new Count(getRuntimeContext(), Counters.LATE_FOR_STATISTICS);
        summarised = new Count(getRuntimeContext(), Counters.STATISTICS_PERIODS);
        provisionalRows = new Count(getRuntimeContext(), Counters.PROVISIONAL_PERIODS);
        provisionalAsOf = new LongMaximum(Long.MIN_VALUE);
        // Not state: a cache of pure results, empty again after a restore.
        bootstrapMemo = new BootstrapMemo(MEMO_SEEDS);
        getRuntimeContext().addAccumulator(Counters.PROVISIONAL_AS_OF, provisionalAsOf);
    }

    @Override
    public void processElement1(CaseFacts facts, Context ctx, Collector<BrandMetricRow> out)
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
        provisionalWindow.closed(facts, ctx.timestamp(), firesAt, ctx.timerService());
    }

    @Override
    public void processElement2(OpenCase open, Context ctx, Collector<BrandMetricRow> out)
            throws Exception {
        provisionalWindow.open(
                open, settings.firesAt(periodStart(ctx.getCurrentKey())), ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BrandMetricRow> out)
            throws Exception {
        String key = ctx.getCurrentKey();
        String brand = key.substring(key.indexOf(SEPARATOR) + 1);
        long periodStart = periodStart(key);
        long firesAt = settings.firesAt(periodStart);
        if (timestamp < firesAt) {
            ProvisionalWindow.AsOf<CaseFacts> asOf =
                    provisionalWindow.asOf(timestamp, firesAt, cases.get(), ctx.timerService());
            if (asOf.computes() && provisionalWindow.due(timestamp, firesAt, ctx.timerService())) {
                List<CaseFacts> items = provisionalWindow.items(timestamp, asOf);
                if (!items.isEmpty()) {
                    writeProvisional(
                            timestamp,
                            PeriodStatistics.of(
                                    brand,
                                    periodStart,
                                    items,
                                    settings,
                                    schedules.of(brand),
                                    bootstrapMemo),
                            ctx);
                }
            }
            return;
        }
        List<CaseFacts> window = new ArrayList<>();
        cases.get().forEach(window::add);
        cases.clear();
        provisionalWindow.clear();
        PeriodStatistics rows =
                PeriodStatistics.of(brand, periodStart, window, settings, schedules.of(brand));
        if (provisional.provisionalAtCut(firesAt)) {
            writeProvisional(provisional.asOf(), rows, ctx);
            return;
        }
        rows.brandMetrics().forEach(out::collect);
        rows.pressureEffects().forEach(row -> ctx.output(PRESSURE_EFFECTS, row));
        rows.equity().forEach(row -> ctx.output(EQUITY, row));
        rows.brandHours().forEach(row -> ctx.output(BRAND_HOURS, row));
        summarised.inc();
    }

    private void writeProvisional(long asOf, PeriodStatistics rows, OnTimerContext ctx) {
        List<Object> all = new ArrayList<>(rows.brandMetrics());
        all.addAll(rows.pressureEffects());
        all.addAll(rows.equity());
        all.addAll(rows.brandHours());
        all.forEach(row -> ctx.output(PROVISIONAL, new ProvisionalRow(asOf, row)));
        provisionalRows.inc();
        provisionalAsOf.add(asOf);
    }

    private static long periodStart(String key) {
        return Long.parseLong(key.substring(0, key.indexOf(SEPARATOR)));
    }
}
