package io.squeaky.metrics;

import io.squeaky.cases.Censoring;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.CaseIntervalRow;
import java.util.List;

/**
 * Censors a case still open at a provisional instant the way {@link Censoring} censors a case open
 * at the end of the input at the data horizon, and gives what the statistics windows need of it:
 * its facts, or its {@code case_intervals} rows. The draft is copied first: a window keeps one
 * version of an open case and censors it again at every instant it holds for.
 */
public final class OpenCaseCensoring {

    private OpenCaseCensoring() {}

    public static CaseFacts facts(CaseDraft open, long instant, ScheduleBook schedules) {
        CaseDraft settled =
                Censoring.settle(CaseDraft.newBuilder(open).build(), instant, schedules);
        return CaseFactsOf.row(settled.getCaseRow(), schedules.of(settled.getCaseRow().getBrand()));
    }

    public static List<CaseIntervalRow> intervals(
            CaseDraft open, long instant, ScheduleBook schedules, StatsPeriod period) {
        CaseDraft settled =
                Censoring.settle(CaseDraft.newBuilder(open).build(), instant, schedules);
        return CaseIntervals.of(settled, schedules.of(settled.getCaseRow().getBrand()), period);
    }
}
