package io.squeaky.flink;

import io.squeaky.records.BrandSummaryLine;
import io.squeaky.records.CaseOutcome;
import io.squeaky.report.BrandSummary;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by brand, for bounded runs: gathers the brand's case outcomes and, at the end of the input,
 * writes its line of the summary, so that the client receives one line per brand rather than one
 * record per case.
 *
 * <p>State: the brand's outcomes, cleared when the end-of-input timer fires.
 */
public final class SummariseBrands
        extends KeyedProcessFunction<String, CaseOutcome, BrandSummaryLine> {

    private transient ListState<CaseOutcome> outcomes;

    @Override
    public void open(OpenContext openContext) {
        outcomes =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "outcomes", new AvroTypeInfo<>(CaseOutcome.class)));
    }

    @Override
    public void processElement(CaseOutcome outcome, Context ctx, Collector<BrandSummaryLine> out)
            throws Exception {
        outcomes.add(outcome);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BrandSummaryLine> out)
            throws Exception {
        List<CaseOutcome> all = new ArrayList<>();
        outcomes.get().forEach(all::add);
        outcomes.clear();
        out.collect(BrandSummary.line(ctx.getCurrentKey(), all));
    }
}
