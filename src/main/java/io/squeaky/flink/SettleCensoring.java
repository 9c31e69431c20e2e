package io.squeaky.flink;

import io.squeaky.cases.Censoring;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.ExchangeRecord;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by case: settles each draft's censoring and writes its case row and exchange rows. Drafts
 * closed by inactivity pass at once. Drafts closed by the end of the input wait for the data
 * horizon, which arrives on the broadcast side. In BATCH mode the broadcast side is read first, so
 * nothing waits.
 *
 * <p>State: a waiting draft, cleared when the horizon arrives.
 */
public final class SettleCensoring
        extends KeyedBroadcastProcessFunction<String, CaseDraft, Long, CaseRecord> {

    public static final MapStateDescriptor<String, Long> HORIZON =
            new MapStateDescriptor<>("horizon", Types.STRING, Types.LONG);
    public static final OutputTag<ExchangeRecord> EXCHANGES =
            new OutputTag<>("exchanges", new AvroTypeInfo<>(ExchangeRecord.class));
    private static final String KEY = "horizon";

    private final ValueStateDescriptor<CaseDraft> waitingDescriptor =
            new ValueStateDescriptor<>("waiting", new AvroTypeInfo<>(CaseDraft.class));

    private final ScheduleBook schedules;

    private transient ValueState<CaseDraft> waiting;
    private transient Count cases;
    private transient Count exchanges;

    public SettleCensoring(ScheduleBook schedules) {
        this.schedules = schedules;
    }

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getState(waitingDescriptor);
        cases = new Count(getRuntimeContext(), Counters.CASES);
        exchanges = new Count(getRuntimeContext(), Counters.EXCHANGES);
    }

    @Override
    public void processElement(CaseDraft draft, ReadOnlyContext ctx, Collector<CaseRecord> out)
            throws Exception {
        Long horizon = ctx.getBroadcastState(HORIZON).get(KEY);
        if (draft.getNeedsHorizon() && horizon == null) {
            waiting.update(draft);
            return;
        }
        write(Censoring.settle(draft, horizon, schedules), out, e -> ctx.output(EXCHANGES, e));
    }

    @Override
    public void processBroadcastElement(Long horizon, Context ctx, Collector<CaseRecord> out)
            throws Exception {
        BroadcastState<String, Long> state = ctx.getBroadcastState(HORIZON);
        state.put(KEY, horizon);
        ctx.applyToKeyedState(
                waitingDescriptor,
                (key, draft) -> {
                    if (draft.value() != null) {
                        write(
                                Censoring.settle(draft.value(), horizon, schedules),
                                out,
                                e -> ctx.output(EXCHANGES, e));
                        draft.clear();
                    }
                });
    }

    private void write(
            CaseDraft draft, Collector<CaseRecord> out, Consumer<ExchangeRecord> exchangeOut) {
        out.collect(draft.getCaseRow());
        cases.inc();
        for (ExchangeRecord exchange : draft.getExchangeRows()) {
            exchangeOut.accept(exchange);
            exchanges.inc();
        }
    }
}
