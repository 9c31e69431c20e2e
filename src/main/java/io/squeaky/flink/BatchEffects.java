package io.squeaky.flink;

import io.squeaky.metrics.EffectsTable;
import io.squeaky.metrics.FitInterval;
import io.squeaky.metrics.LargestFitsFirst;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.records.HazardRatioRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A batch run's {@code effects} rows, fitted when its input ends: over the whole input ({@code
 * period = all}) and, unless the run is cut at an instant, each statistics period's, the rows
 * {@link PeriodEffects} writes in a stream. One operator of parallelism 1 that every closed case's
 * interval reaches. Not keyed, because the whole input is one window: a keyed operator would have
 * BATCH sort every interval by a key they all share, and fitting the periods here too spares a
 * second shuffle and sort of the same intervals. A cut run's periods are {@link PeriodEffects}',
 * which writes those not complete at the cut as provisional rows from the open cases there.
 *
 * <p>Batch only (a stream has no end), so its list never needs checkpointing; the Cox fits need all
 * intervals at once, and the list is dropped after them. Its models are fitted two at a time, the
 * largest first.
 */
public final class BatchEffects extends AbstractStreamOperator<HazardRatioRow>
        implements OneInputStreamOperator<FitInterval, HazardRatioRow>, BoundedOneInput {

    private static final int FIT_THREADS = 2;

    private final StatisticsSettings settings;
    private final boolean eachPeriod;

    private transient List<FitInterval> intervals;

    /**
     * @param eachPeriod whether to write each period's rows as well as the whole input's
     */
    public BatchEffects(StatisticsSettings settings, boolean eachPeriod) {
        this.settings = settings;
        this.eachPeriod = eachPeriod;
    }

    @Override
    public void open() throws Exception {
        super.open();
        intervals = new ArrayList<>();
    }

    @Override
    public void processElement(StreamRecord<FitInterval> element) {
        intervals.add(element.getValue());
    }

    @Override
    public void endInput() {
        List<FitInterval> window = intervals;
        intervals = new ArrayList<>();
        // A stage of parallelism 1 at the end of a batch run: a second thread lets its fits (one
        // per window, endpoint and model, sharing no state) use a core the finished stages left.
        ExecutorService fits =
                LargestFitsFirst.pool(
                        FIT_THREADS,
                        task -> {
                            Thread thread = new Thread(task, "batch effects fit");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            List<HazardRatioRow> rows =
                    eachPeriod
                            ? EffectsTable.fitEachPeriodAndAll(
                                    settings.period().name(), window, settings.configHash(), fits)
                            : EffectsTable.fit(
                                    EffectsTable.WHOLE_INPUT,
                                    window.stream()
                                            .mapToLong(FitInterval::periodStart)
                                            .min()
                                            .orElse(0),
                                    window,
                                    settings.configHash(),
                                    fits);
            rows.forEach(row -> output.collect(new StreamRecord<>(row)));
        } finally {
            fits.shutdownNow();
        }
    }
}
