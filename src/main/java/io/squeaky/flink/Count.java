package io.squeaky.flink;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * A count kept twice: as a Flink metric (for reporters and the web UI) and as an accumulator (for
 * the job's own progress lines and summary).
 */
final class Count {

    private final Counter metric;
    private final LongCounter accumulator = new LongCounter();

    Count(RuntimeContext context, String name) {
        this.metric = context.getMetricGroup().counter(name);
        context.addAccumulator(name, accumulator);
    }

    void add(long n) {
        metric.inc(n);
        accumulator.add(n);
    }

    void inc() {
        add(1);
    }
}
