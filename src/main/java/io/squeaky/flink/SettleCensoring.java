package io.squeaky.flink;

import io.squeaky.cases.Censoring;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.metrics.CaseIntervals;
import io.squeaky.metrics.FitInterval;
import io.squeaky.metrics.StatsPeriod;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.ExchangeRecord;
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
 * Keyed by case: settles each draft's censoring and writes its case row, its exchange rows and its
 * {@code case_intervals} rows (which need the draft's post and amplification times). Drafts closed
 * by inactivity pass at once. Drafts closed by the end of the input wait for the data horizon,
 * which arrives on the broadcast side. In BATCH mode the broadcast side is read first, so nothing
 * waits.
 *
 * <p>State: a waiting draft, cleared when the horizon arrives.
 */
public final class SettleCensoring
        extends KeyedBroadcastProcessFunction<String, CaseDraft, Long, CaseRecord> {

    public static final MapStateDescriptor<String, Long> HORIZON =
            new MapStateDescriptor<>("horizon", Types.STRING, Types.LONG);
    public static final OutputTag<ExchangeRecord> EXCHANGES =
            new OutputTag<>("exchanges", new AvroTypeInfo<>(ExchangeRecord.class));
    public static final OutputTag<CaseIntervalRow> CASE_INTERVALS =
            new OutputTag<>("case-intervals", new AvroTypeInfo<>(CaseIntervalRow.class));

    /** The same intervals as the fits read them: the table's rows are too costly to ship. */
    public static final OutputTag<FitInterval> FIT_INTERVALS =
            new OutputTag<>("fit-intervals", FitIntervalType.INSTANCE);

    private static final String KEY = "horizon";

    private final ValueStateDescriptor<CaseDraft> waitingDescriptor =
            new ValueStateDescriptor<>("waiting", new AvroTypeInfo<>(CaseDraft.class));

    private final ScheduleBook schedules;
    private final StatsPeriod period;
    private final boolean intervals;

    private transient ValueState<CaseDraft> waiting;
    private transient Count cases;
    private transient Count exchanges;

    /**
     * @param period the statistics period, which the {@code case_intervals} rows carry
     * @param intervals whether to write the {@code case_intervals} rows at all
     */
    public SettleCensoring(ScheduleBook schedules, StatsPeriod period, boolean intervals) {
        this.schedules = schedules;
        this.period = period;
        this.intervals = intervals;
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
        write(Censoring.settle(draft, horizon, schedules), out, ctx::output);
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
                                ctx::output);
                        draft.clear();
                    }
                });
    }

    private void write(CaseDraft draft, Collector<CaseRecord> out, SideOutputs side) {
        out.collect(draft.getCaseRow());
        cases.inc();
        for (ExchangeRecord exchange : draft.getExchangeRows()) {
            side.output(EXCHANGES, exchange);
            exchanges.inc();
        }
        if (!intervals) {
            return;
        }
        for (CaseIntervalRow interval :
                CaseIntervals.of(draft, schedules.of(draft.getCaseRow().getBrand()), period)) {
            side.output(CASE_INTERVALS, interval);
            side.output(FIT_INTERVALS, FitInterval.of(interval));
        }
    }

    /** The side outputs of either context of the function. */
    @FunctionalInterface
    private interface SideOutputs {
        <X> void output(OutputTag<X> tag, X value);
    }
}
