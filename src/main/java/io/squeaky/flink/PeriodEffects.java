package io.squeaky.flink;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.metrics.EffectsTable;
import io.squeaky.metrics.FitInterval;
import io.squeaky.metrics.OpenCaseCensoring;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.metrics.StatsPeriod;
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
 * Keyed by statistics period (see {@link #byPeriod}): gathers the {@code case_intervals} rows of
 * every brand's cases, as the fits read them ({@link FitInterval}), and writes the {@code effects}
 * rows when all of them are in. A period is complete when the watermark passes its end plus the
 * maximum case length, the same moment the statistics windows fire. The study-level model spans
 * brands, so these windows are not per brand. A batch run's whole input is {@link BatchEffects}'.
 *
 * <p>Until a period is complete, the second input brings versions of its cases still open, whose
 * intervals the window cuts, censored, at each provisional instant, writing provisional rows as of
 * that instant to {@link #PROVISIONAL} (see {@link ProvisionalWindow}); a batch run cut at an
 * instant writes the periods not complete there as provisional rows as of it.
 *
 * <p>State: the window's intervals, appended one by one and cleared when its timer fires; the open
 * cases' versions, cleared then too.
 */
public final class PeriodEffects
        extends KeyedCoProcessFunction<String, FitInterval, OpenCase, HazardRatioRow> {

    public static final OutputTag<ProvisionalRow> PROVISIONAL =
            new OutputTag<>("provisional-effects", new AvroTypeInfo<>(ProvisionalRow.class));

    private final StatisticsSettings settings;
    private final ScheduleBook schedules;
    private final ProvisionalSchedule provisional;

    private transient ListState<FitInterval> intervals;
    private transient ProvisionalWindow<FitInterval> provisionalWindow;
    private transient Count lateIntervals;

    public PeriodEffects(
            StatisticsSettings settings, ScheduleBook schedules, ProvisionalSchedule provisional) {
        this.settings = settings;
        this.schedules = schedules;
        this.provisional = provisional;
    }

    /** The window of a row in the per-period table: the start of its case's period. */
    public static KeySelector<FitInterval, String> byPeriod() {
        return row -> String.valueOf(row.periodStart());
    }

    /** The window of an open case's version: the same as its intervals' once it has closed. */
    public static KeySelector<OpenCase, String> openByPeriod(StatsPeriod period) {
        return open -> String.valueOf(period.startOf(open.getOpenedAt()));
    }

    @Override
    public void open(OpenContext openContext) {
        intervals =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>("intervals", FitIntervalType.INSTANCE));
        lateIntervals = new Count(getRuntimeContext(), Counters.INTERVALS_LATE_FOR_EFFECTS);
        provisionalWindow =
                new ProvisionalWindow<>(
                        getRuntimeContext(),
                        provisional,
                        (draft, instant) ->
                                OpenCaseCensoring.intervals(
                                                draft, instant, schedules, settings.period())
                                        .stream()
                                        .map(FitInterval::of)
                                        .toList(),
                        row -> row.interval().caseId());
    }

    @Override
    public void processElement1(FitInterval row, Context ctx, Collector<HazardRatioRow> out)
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
        provisionalWindow.closed(row, ctx.timestamp(), firesAt, ctx.timerService());
    }

    @Override
    public void processElement2(OpenCase open, Context ctx, Collector<HazardRatioRow> out)
            throws Exception {
        provisionalWindow.open(open, firesAt(ctx.getCurrentKey()), ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HazardRatioRow> out)
            throws Exception {
        String key = ctx.getCurrentKey();
        long firesAt = firesAt(key);
        if (timestamp < firesAt) {
            ProvisionalWindow.AsOf<FitInterval> asOf =
                    provisionalWindow.asOf(timestamp, firesAt, intervals.get(), ctx.timerService());
            if (asOf.computes() && provisionalWindow.due(timestamp, firesAt, ctx.timerService())) {
                List<FitInterval> items = provisionalWindow.items(timestamp, asOf);
                if (!items.isEmpty()) {
                    writeProvisional(timestamp, Long.parseLong(key), items, ctx);
                }
            }
            return;
        }
        List<FitInterval> window = new ArrayList<>();
        intervals.get().forEach(window::add);
        intervals.clear();
        provisionalWindow.clear();
        if (provisional.provisionalAtCut(firesAt)) {
            writeProvisional(provisional.asOf(), Long.parseLong(key), window, ctx);
            return;
        }
        EffectsTable.fit(
                        settings.period().name(),
                        Long.parseLong(key),
                        window,
                        settings.configHash())
                .forEach(out::collect);
    }

    private void writeProvisional(
            long asOf, long periodStart, List<FitInterval> window, OnTimerContext ctx) {
        for (HazardRatioRow row :
                EffectsTable.fit(
                        settings.period().name(), periodStart, window, settings.configHash())) {
            ctx.output(PROVISIONAL, new ProvisionalRow(asOf, row));
        }
    }

    private long firesAt(String key) {
        return settings.firesAt(Long.parseLong(key));
    }
}
