package io.squeaky.metrics;

import io.squeaky.records.CaseIntervalRow;
import java.util.Comparator;

/**
 * A {@code case_intervals} row as the hazard-ratio fits read it: the model's view of the row with
 * the case's open and statistics period, which order and window the rows. This is what travels from
 * censoring to the fits, far smaller than the table's row.
 *
 * @param periodStart the start of the statistics period the case opened in
 * @param openedAt when the case opened, epoch milliseconds
 */
public record FitInterval(long periodStart, long openedAt, CaseInterval interval) {

    /**
     * A total order on what the fit reads, the one {@link EffectsTable} fits in. Case, endpoint and
     * start alone are not enough: a ticket whose customer fell quiet longer than the inactivity gap
     * comes back as a second case with the same {@code case_id}, and rows tied on the key would
     * keep their arrival order. Rows equal in every field compared here are interchangeable in the
     * fit (the others follow from the case and the interval's calendar times).
     */
    public static final Comparator<FitInterval> ORDER = FitInterval::compare;

    public static FitInterval of(CaseIntervalRow row) {
        return new FitInterval(
                row.getPeriodStart(), row.getOpenedAt(), CaseIntervals.forModel(row));
    }

    private static int compare(FitInterval a, FitInterval b) {
        CaseInterval x = a.interval;
        CaseInterval y = b.interval;
        int c = x.caseId().compareTo(y.caseId());
        if (c == 0) {
            c = x.endpoint().label().compareTo(y.endpoint().label());
        }
        if (c == 0) {
            c = Long.compare(a.openedAt, b.openedAt);
        }
        if (c == 0) {
            c = Long.compare(x.startSeconds(), y.startSeconds());
        }
        if (c == 0) {
            c = Long.compare(x.stopSeconds(), y.stopSeconds());
        }
        if (c == 0) {
            c = Boolean.compare(x.event(), y.event());
        }
        if (c == 0) {
            c = Boolean.compare(x.isPublic(), y.isPublic());
        }
        if (c == 0) {
            c = Integer.compare(x.persistence(), y.persistence());
        }
        if (c == 0) {
            c = Integer.compare(x.amplification(), y.amplification());
        }
        if (c == 0) {
            c = Boolean.compare(x.deskOpen(), y.deskOpen());
        }
        if (c == 0) {
            c = x.brand().compareTo(y.brand());
        }
        if (c == 0) {
            c = x.customerId().compareTo(y.customerId());
        }
        return c;
    }
}
