package io.squeaky.flink;

import io.squeaky.records.CaseRecord;
import io.squeaky.report.BrandReplySummary;
import org.apache.flink.api.common.accumulators.Accumulator;

/** Gathers the end-of-run brand summary from every subtask that writes cases. */
public final class BrandSummaryAccumulator implements Accumulator<CaseRecord, BrandReplySummary> {

    public static final String NAME = "brand-summary";

    private BrandReplySummary summary = new BrandReplySummary();

    @Override
    public void add(CaseRecord row) {
        summary.addCase(row.getBrand(), row.getSecondsToFirstReply());
    }

    @Override
    public BrandReplySummary getLocalValue() {
        return summary;
    }

    @Override
    public void resetLocal() {
        summary = new BrandReplySummary();
    }

    @Override
    public void merge(Accumulator<CaseRecord, BrandReplySummary> other) {
        summary.merge(other.getLocalValue());
    }

    @Override
    public BrandSummaryAccumulator clone() {
        BrandSummaryAccumulator clone = new BrandSummaryAccumulator();
        clone.summary = summary.copy();
        return clone;
    }
}
