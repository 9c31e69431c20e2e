package io.squeaky.flink;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * How long after the last record of a customer's session was appended to Kafka its cases left case
 * assembly, in milliseconds: a histogram metric for dashboards, and an accumulator with exact
 * counts per millisecond for benchmarks. Only records read from Kafka carry an append time, so
 * batch runs record nothing.
 */
final class CloseLatency {

    static final String NAME = Counters.CASE_CLOSE_LATENCY;

    private final org.apache.flink.metrics.Histogram metric;
    private final LatencyHistogram accumulator = new LatencyHistogram();

    CloseLatency(RuntimeContext context) {
        this.metric =
                context.getMetricGroup()
                        .histogram(NAME, new DescriptiveStatisticsHistogram(10_000));
        context.addAccumulator(NAME, accumulator);
    }

    void record(long millis) {
        long clamped = Math.max(0, Math.min(millis, Integer.MAX_VALUE));
        metric.update(clamped);
        accumulator.add((int) clamped);
    }
}
