package io.squeaky.flink;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * Exact counts per millisecond. Flink's own Histogram accumulator is not safe to read while a task
 * adds to it, which progress polling does; this one is.
 */
final class LatencyHistogram implements Accumulator<Integer, TreeMap<Integer, Integer>> {

    private TreeMap<Integer, Integer> counts = new TreeMap<>();

    @Override
    public synchronized void add(Integer millis) {
        counts.merge(millis, 1, Integer::sum);
    }

    @Override
    public synchronized TreeMap<Integer, Integer> getLocalValue() {
        return new TreeMap<>(counts);
    }

    @Override
    public synchronized void resetLocal() {
        counts = new TreeMap<>();
    }

    @Override
    public synchronized void merge(Accumulator<Integer, TreeMap<Integer, Integer>> other) {
        other.getLocalValue().forEach((millis, n) -> counts.merge(millis, n, Integer::sum));
    }

    @Override
    public synchronized LatencyHistogram clone() {
        LatencyHistogram clone = new LatencyHistogram();
        clone.counts = new TreeMap<>(counts);
        return clone;
    }

    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }
}
