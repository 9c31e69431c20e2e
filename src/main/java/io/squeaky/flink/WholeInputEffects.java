package io.squeaky.flink;

import io.squeaky.metrics.EffectsTable;
import io.squeaky.metrics.FitInterval;
import io.squeaky.metrics.StatisticsSettings;
import io.squeaky.records.HazardRatioRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A batch run's {@code effects} rows over its whole input ({@code period = all}): one operator of
 * parallelism 1 that every closed case's interval reaches, fitted when the input ends. Not keyed,
 * because it has one window: a keyed operator would have BATCH sort every interval by a key they
 * all share. Open cases have no place in it (it fits closed cases only, and has no provisional
 * rows). Batch only (a stream has no end), so its list never needs checkpointing; the Cox fit needs
 * all intervals at once, and the list is dropped after it. Its models are fitted two at a time.
 */
public final class WholeInputEffects extends AbstractStreamOperator<HazardRatioRow>
        implements OneInputStreamOperator<FitInterval, HazardRatioRow>, BoundedOneInput {

    private static final int FIT_THREADS = 2;

    private final StatisticsSettings settings;

    private transient List<FitInterval> intervals;

    public WholeInputEffects(StatisticsSettings settings) {
        this.settings = settings;
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
        long periodStart = intervals.stream().mapToLong(FitInterval::periodStart).min().orElse(0);
        List<FitInterval> window = intervals;
        intervals = new ArrayList<>();
        // A stage of parallelism 1 near the end of a batch run: a second thread lets its fits
        // (one per endpoint and model, sharing no state) use a core the finished stages left.
        ExecutorService fits =
                Executors.newFixedThreadPool(
                        FIT_THREADS,
                        task -> {
                            Thread thread = new Thread(task, "whole-input effects fit");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            for (HazardRatioRow row :
                    EffectsTable.fit(
                            EffectsTable.WHOLE_INPUT,
                            periodStart,
                            window,
                            settings.configHash(),
                            fits)) {
                output.collect(new StreamRecord<>(row));
            }
        } finally {
            fits.shutdownNow();
        }
    }
}
