package io.squeaky.flink;

import io.squeaky.metrics.EffectsTable;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.HazardRatioRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by statistics period (see {@link #byPeriod}), or by one key for a batch run's whole input
 * (see {@link #wholeInput}): gathers the {@code case_intervals} rows of every brand's cases and
 * writes the {@code effects} rows when all of them are in. A period is complete when the watermark
 * passes its end plus the maximum case length, the same moment the statistics windows fire; the
 * whole input at its end. The study-level model spans brands, so these windows are not per brand.
 *
 * <p>State: the window's intervals, appended one by one and cleared when its timer fires.
 */
public final class PeriodEffects
        extends KeyedProcessFunction<String, CaseIntervalRow, HazardRatioRow> {

    private final StatisticsSettings settings;

    private transient ListState<CaseIntervalRow> intervals;
    private transient Count lateIntervals;

    public PeriodEffects(StatisticsSettings settings) {
        this.settings = settings;
    }

    /** The window of a row in the per-period table: the start of its case's period. */
    public static KeySelector<CaseIntervalRow, String> byPeriod() {
        return row -> String.valueOf(row.getPeriodStart());
    }

    /** The one window of the whole input. */
    public static KeySelector<CaseIntervalRow, String> wholeInput() {
        return row -> EffectsTable.WHOLE_INPUT;
    }

    @Override
    public void open(OpenContext openContext) {
        intervals =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "intervals", new AvroTypeInfo<>(CaseIntervalRow.class)));
        lateIntervals = new Count(getRuntimeContext(), Counters.INTERVALS_LATE_FOR_EFFECTS);
    }

    @Override
    public void processElement(CaseIntervalRow row, Context ctx, Collector<HazardRatioRow> out)
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
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HazardRatioRow> out)
            throws Exception {
        List<CaseIntervalRow> window = new ArrayList<>();
        intervals.get().forEach(window::add);
        intervals.clear();
        String key = ctx.getCurrentKey();
        boolean whole = key.equals(EffectsTable.WHOLE_INPUT);
        long periodStart =
                whole
                        ? window.stream().mapToLong(CaseIntervalRow::getPeriodStart).min().orElse(0)
                        : Long.parseLong(key);
        String period = whole ? EffectsTable.WHOLE_INPUT : settings.period().name();
        EffectsTable.of(period, periodStart, window, settings.configHash()).forEach(out::collect);
    }

    private long firesAt(String key) {
        return key.equals(EffectsTable.WHOLE_INPUT)
                ? Long.MAX_VALUE
                : settings.firesAt(Long.parseLong(key));
    }
}
