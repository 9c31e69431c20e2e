package io.squeaky.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.datastream.ConnectedStreams;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.InternalTimerServiceImpl;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;

/**
 * A keyed process function run by Flink's own operator for it, which also reports how much keyed
 * state it holds: {@value #ENTRIES}, the entries of all its states together (one per key and state;
 * a map state counts once per key), and {@value #TIMERS}, its pending event-time timers. Every
 * state of the job has a path back to empty, so in a steady stream both stay flat; the soak ({@code
 * jobs/soak}) reads them. Only the heap state backend, the job's, can count its entries without
 * walking them; on another both gauges read -1 (RocksDB has its own {@code estimate-num-keys}).
 */
public final class KeyedStateGauges {

    public static final String ENTRIES = "keyed-state-entries";
    public static final String TIMERS = "event-time-timers";

    private KeyedStateGauges() {}

    /** {@code keyed.process(function)}, with the two gauges on each subtask. */
    public static <K, I, O> SingleOutputStreamOperator<O> process(
            KeyedStream<I, K> keyed,
            KeyedProcessFunction<K, I, O> function,
            TypeInformation<O> type) {
        return keyed.transform(
                function.getClass().getSimpleName(), type, new GaugedOperator<>(function));
    }

    /** {@code connected.process(function)} on two keyed streams, with the same two gauges. */
    public static <K, I1, I2, O> SingleOutputStreamOperator<O> process(
            ConnectedStreams<I1, I2> connected,
            KeyedCoProcessFunction<K, I1, I2, O> function,
            TypeInformation<O> type) {
        return connected.transform(
                function.getClass().getSimpleName(), type, new GaugedCoOperator<>(function));
    }

    private static final class GaugedOperator<K, I, O> extends KeyedProcessOperator<K, I, O> {

        private static final long serialVersionUID = 1L;

        GaugedOperator(KeyedProcessFunction<K, I, O> function) {
            super(function);
        }

        @Override
        public void open() throws Exception {
            super.open();
            register(this, getKeyedStateBackend(), getMetricGroup());
        }
    }

    private static final class GaugedCoOperator<K, I1, I2, O>
            extends KeyedCoProcessOperator<K, I1, I2, O> {

        private static final long serialVersionUID = 1L;

        GaugedCoOperator(KeyedCoProcessFunction<K, I1, I2, O> function) {
            super(function);
        }

        @Override
        public void open() throws Exception {
            super.open();
            register(this, getKeyedStateBackend(), getMetricGroup());
        }
    }

    private static <K> void register(
            AbstractStreamOperator<?> operator, KeyedStateBackend<K> backend, MetricGroup metrics) {
        // The name and namespace Flink's operators register their function's timers under: the
        // same call hands back the same service.
        InternalTimerService<VoidNamespace> timers =
                operator.getInternalTimerService(
                        "user-timers",
                        VoidNamespaceSerializer.INSTANCE,
                        (Triggerable<K, VoidNamespace>) operator);
        // Both read sizes the task thread keeps, not the entries themselves, so reading them
        // from the metrics thread is safe, if a moment stale.
        metrics.gauge(
                ENTRIES,
                () ->
                        backend instanceof HeapKeyedStateBackend<?> heap
                                ? heap.numKeyValueStateEntries()
                                : -1);
        metrics.gauge(
                TIMERS,
                () ->
                        backend instanceof HeapKeyedStateBackend<?>
                                        && timers instanceof InternalTimerServiceImpl<?, ?> heap
                                ? heap.numEventTimeTimers()
                                : -1);
    }
}
