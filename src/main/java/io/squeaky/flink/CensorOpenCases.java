package io.squeaky.flink;

import io.squeaky.cases.Censoring;
import io.squeaky.clock.BusinessSchedule;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.metrics.CaseFactsOf;
import io.squeaky.metrics.CaseIntervals;
import io.squeaky.metrics.StatsPeriod;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.OpenCase;
import io.squeaky.records.OpenCaseFacts;
import io.squeaky.records.OpenCaseInterval;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Censors each snapshot of an open case at its provisional instant, the way {@link SettleCensoring}
 * censors a case open at the end of the input at the data horizon, and hands on what the statistics
 * windows need of it: its facts, and its {@code case_intervals} rows on {@link #INTERVALS}.
 * Stateless; nothing of it reaches the cases table.
 */
public final class CensorOpenCases extends ProcessFunction<OpenCase, OpenCaseFacts> {

    public static final OutputTag<OpenCaseInterval> INTERVALS =
            new OutputTag<>("open-case-intervals", new AvroTypeInfo<>(OpenCaseInterval.class));

    private final ScheduleBook schedules;
    private final StatsPeriod period;

    public CensorOpenCases(ScheduleBook schedules, StatsPeriod period) {
        this.schedules = schedules;
        this.period = period;
    }

    @Override
    public void processElement(OpenCase open, Context ctx, Collector<OpenCaseFacts> out) {
        long asOf = open.getAsOf();
        CaseDraft draft = Censoring.settle(open.getDraft(), asOf, schedules);
        BusinessSchedule desk = schedules.of(draft.getCaseRow().getBrand());
        out.collect(new OpenCaseFacts(asOf, CaseFactsOf.row(draft.getCaseRow(), desk)));
        for (CaseIntervalRow interval : CaseIntervals.of(draft, desk, period)) {
            ctx.output(INTERVALS, new OpenCaseInterval(asOf, interval));
        }
    }
}
