package io.squeaky.flink;

import io.squeaky.records.CaseRecord;
import io.squeaky.report.BrandReplySummary;
import java.io.IOException;
import java.io.ObjectOutputStream;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * Gathers the end-of-run brand summary from every subtask that writes cases. Synchronised: the task
 * thread adds while heartbeats serialise snapshots for the progress lines.
 */
public final class BrandSummaryAccumulator implements Accumulator<CaseRecord, BrandReplySummary> {

    public static final String NAME = "brand-summary";

    private BrandReplySummary summary = new BrandReplySummary();

    @Override
    public synchronized void add(CaseRecord row) {
        summary.addCase(row.getBrand(), row.getSecondsToFirstReply());
    }

    @Override
    public synchronized BrandReplySummary getLocalValue() {
        return summary;
    }

    @Override
    public synchronized void resetLocal() {
        summary = new BrandReplySummary();
    }

    @Override
    public synchronized void merge(Accumulator<CaseRecord, BrandReplySummary> other) {
        summary.merge(other.getLocalValue());
    }

    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    @Override
    public synchronized BrandSummaryAccumulator clone() {
        BrandSummaryAccumulator clone = new BrandSummaryAccumulator();
        clone.summary = summary.copy();
        return clone;
    }
}
