package io.squeaky.flink;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.metrics.EffectsTable;
import io.squeaky.metrics.OpenCaseCensoring;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.metrics.StatsPeriod;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.HazardRatioRow;
import io.squeaky.records.OpenCase;
import io.squeaky.records.ProvisionalRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by statistics period (see {@link #byPeriod}), or by one key for a batch run's whole input
 * (see {@link #wholeInput}): gathers the {@code case_intervals} rows of every brand's cases and
 * writes the {@code effects} rows when all of them are in. A period is complete when the watermark
 * passes its end plus the maximum case length, the same moment the statistics windows fire; the
 * whole input at its end. The study-level model spans brands, so these windows are not per brand.
 *
 * <p>Until a period is complete, the second input brings versions of its cases still open, whose
 * intervals the window cuts, censored, at each provisional instant, writing provisional rows as of
 * that instant to {@link #PROVISIONAL} (see {@link ProvisionalWindow}); a batch run cut at an
 * instant writes the periods not complete there as provisional rows as of it. The whole input has
 * no provisional rows.
 *
 * <p>State: the window's intervals, appended one by one and cleared when its timer fires; the open
 * cases' versions, cleared then too.
 */
public final class PeriodEffects
        extends KeyedCoProcessFunction<String, CaseIntervalRow, OpenCase, HazardRatioRow> {

    public static final OutputTag<ProvisionalRow> PROVISIONAL =
            new OutputTag<>("provisional-effects", new AvroTypeInfo<>(ProvisionalRow.class));

    private final StatisticsSettings settings;
    private final ScheduleBook schedules;
    private final ProvisionalSchedule provisional;

    private transient ListState<CaseIntervalRow> intervals;
    private transient ProvisionalWindow<CaseIntervalRow> provisionalWindow;
    private transient Count lateIntervals;

    public PeriodEffects(
            StatisticsSettings settings, ScheduleBook schedules, ProvisionalSchedule provisional) {
        this.settings = settings;
        this.schedules = schedules;
        this.provisional = provisional;
    }

    /** The window of a row in the per-period table: the start of its case's period. */
    public static KeySelector<CaseIntervalRow, String> byPeriod() {
        return row -> String.valueOf(row.getPeriodStart());
    }

    /** The window of an open case's version: the same as its intervals' once it has closed. */
    public static KeySelector<OpenCase, String> openByPeriod(StatsPeriod period) {
        return open -> String.valueOf(period.startOf(open.getOpenedAt()));
    }

    /** The one window of the whole input. */
    public static KeySelector<CaseIntervalRow, String> wholeInput() {
        return row -> EffectsTable.WHOLE_INPUT;
    }

    /** Open cases have no place in the whole input's window: it fits closed cases only. */
    public static KeySelector<OpenCase, String> openWholeInput() {
        return open -> EffectsTable.WHOLE_INPUT;
    }

    @Override
    public void open(OpenContext openContext) {
        intervals =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "intervals", new AvroTypeInfo<>(CaseIntervalRow.class)));
        lateIntervals = new Count(getRuntimeContext(), Counters.INTERVALS_LATE_FOR_EFFECTS);
        provisionalWindow =
                new ProvisionalWindow<>(
                        getRuntimeContext(),
                        provisional,
                        (draft, instant) ->
                                OpenCaseCensoring.intervals(
                                        draft, instant, schedules, settings.period()),
                        CaseIntervalRow::getCaseId);
    }

    @Override
    public void processElement1(CaseIntervalRow row, Context ctx, Collector<HazardRatioRow> out)
            throws Exception {
        long firesAt = firesAt(ctx.getCurrentKey());
        if (firesAt <= ctx.timerService().currentWatermark()) {
            // As in the statistics windows: only a restore with a shorter maximum case length
            // gets here, and the count makes the gap visible.
            lateIntervals.inc();
            return;
        }
        intervals.add(row);
        ctx.timerService().registerEventTimeTimer(firesAt);
        if (firesAt < Long.MAX_VALUE) {
            provisionalWindow.closed(row, ctx.timestamp(), firesAt, ctx.timerService());
        }
    }

    @Override
    public void processElement2(OpenCase open, Context ctx, Collector<HazardRatioRow> out)
            throws Exception {
        long firesAt = firesAt(ctx.getCurrentKey());
        if (firesAt < Long.MAX_VALUE) {
            provisionalWindow.open(open, firesAt, ctx.timerService());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HazardRatioRow> out)
            throws Exception {
        String key = ctx.getCurrentKey();
        long firesAt = firesAt(key);
        if (timestamp < firesAt) {
            ProvisionalWindow.AsOf<CaseIntervalRow> asOf =
                    provisionalWindow.asOf(timestamp, firesAt, intervals.get(), ctx.timerService());
            if (asOf.computes() && provisionalWindow.due(timestamp, firesAt, ctx.timerService())) {
                List<CaseIntervalRow> items = provisionalWindow.items(timestamp, asOf);
                if (!items.isEmpty()) {
                    writeProvisional(timestamp, Long.parseLong(key), items, ctx);
                }
            }
            return;
        }
        List<CaseIntervalRow> window = new ArrayList<>();
        intervals.get().forEach(window::add);
        intervals.clear();
        provisionalWindow.clear();
        boolean whole = key.equals(EffectsTable.WHOLE_INPUT);
        if (!whole && provisional.provisionalAtCut(firesAt)) {
            writeProvisional(provisional.asOf(), Long.parseLong(key), window, ctx);
            return;
        }
        long periodStart =
                whole
                        ? window.stream().mapToLong(CaseIntervalRow::getPeriodStart).min().orElse(0)
                        : Long.parseLong(key);
        String period = whole ? EffectsTable.WHOLE_INPUT : settings.period().name();
        EffectsTable.of(period, periodStart, window, settings.configHash()).forEach(out::collect);
    }

    private void writeProvisional(
            long asOf, long periodStart, List<CaseIntervalRow> window, OnTimerContext ctx) {
        for (HazardRatioRow row :
                EffectsTable.of(
                        settings.period().name(), periodStart, window, settings.configHash())) {
            ctx.output(PROVISIONAL, new ProvisionalRow(asOf, row));
        }
    }

    private long firesAt(String key) {
        return key.equals(EffectsTable.WHOLE_INPUT)
                ? Long.MAX_VALUE
                : settings.firesAt(Long.parseLong(key));
    }
}
