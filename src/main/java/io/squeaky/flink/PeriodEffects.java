package io.squeaky.flink;

import io.squeaky.metrics.EffectsTable;
import io.squeaky.metrics.FitInterval;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.records.HazardRatioRow;
import io.squeaky.records.OpenCaseInterval;
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
 * brands, so these windows are not per brand. A batch run's whole input is {@link
 * WholeInputEffects}'.
 *
 * <p>Until a period is complete, the second input brings the intervals of its cases still open at
 * each provisional instant, and the window writes provisional rows as of that instant to {@link
 * #PROVISIONAL} (see {@link ProvisionalWindow}); a batch run cut at an instant writes the periods
 * not complete there as provisional rows as of it.
 *
 * <p>State: the window's intervals, appended one by one and cleared when its timer fires; the
 * provisional snapshots, cleared then too.
 */
public final class PeriodEffects
        extends KeyedCoProcessFunction<String, FitInterval, OpenCaseInterval, HazardRatioRow> {

    public static final OutputTag<ProvisionalRow> PROVISIONAL =
            new OutputTag<>("provisional-effects", new AvroTypeInfo<>(ProvisionalRow.class));

    private final StatisticsSettings settings;
    private final ProvisionalSchedule provisional;

    private transient ListState<FitInterval> intervals;
    private transient ProvisionalWindow<FitInterval, OpenCaseInterval> provisionalWindow;
    private transient Count lateIntervals;

    public PeriodEffects(StatisticsSettings settings, ProvisionalSchedule provisional) {
        this.settings = settings;
        this.provisional = provisional;
    }

    /** The window of a row in the per-period table: the start of its case's period. */
    public static KeySelector<FitInterval, String> byPeriod() {
        return row -> String.valueOf(row.periodStart());
    }

    /** The window of an open case's interval: the same as once the case has closed. */
    public static KeySelector<OpenCaseInterval, String> openByPeriod() {
        return open -> String.valueOf(open.getInterval().getPeriodStart());
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
                        new AvroTypeInfo<>(OpenCaseInterval.class),
                        OpenCaseInterval::getAsOf,
                        open -> FitInterval.of(open.getInterval()),
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
    public void processElement2(OpenCaseInterval open, Context ctx, Collector<HazardRatioRow> out)
            throws Exception {
        provisionalWindow.open(open, firesAt(ctx.getCurrentKey()), ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HazardRatioRow> out)
            throws Exception {
        String key = ctx.getCurrentKey();
        long firesAt = firesAt(key);
        if (timestamp < firesAt) {
            List<FitInterval> asOf = provisionalWindow.asOf(timestamp, intervals.get());
            if (provisionalWindow.due(timestamp, firesAt, ctx.timerService()) && !asOf.isEmpty()) {
                writeProvisional(timestamp, Long.parseLong(key), asOf, ctx);
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
