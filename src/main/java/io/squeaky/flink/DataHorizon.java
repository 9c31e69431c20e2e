package io.squeaky.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The data horizon: the latest event time in the input, emitted once the input has ended. Cases
 * still open then are censored at it. Keyed by a constant, so one subtask sees every timestamp.
 */
public final class DataHorizon extends KeyedProcessFunction<Integer, Long, Long> {

    private transient ValueState<Long> latest;

    @Override
    public void open(OpenContext openContext) {
        latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", Types.LONG));
    }

    @Override
    public void processElement(Long eventTime, Context ctx, Collector<Long> out) throws Exception {
        Long seen = latest.value();
        if (seen == null) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        if (seen == null || eventTime > seen) {
            latest.update(eventTime);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) throws Exception {
        out.collect(latest.value());
        latest.clear();
    }
}
