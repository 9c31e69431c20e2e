package io.squeaky.cases;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.CloseReason;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.Outcome;
import io.squeaky.records.OutcomeSource;

/**
 * Settles when a case stopped being observed. A case is observed until its session closed (last
 * activity plus the inactivity gap, or the ticket timeout, and no earlier than the end of the reply
 * window of its latest unanswered post) or until the data horizon (the latest event time in the
 * input), whichever comes first. Unanswered cases and exchanges are right-censored there, not
 * dropped. A case nobody answered or resolved is ABANDONED when it went quiet before the horizon,
 * and OPEN when the data ended first or it was still going at the maximum case length.
 */
public final class Censoring {

    private Censoring() {}

    /**
     * Fills the censoring fields of a draft's rows. {@code horizon} may be null only for drafts
     * that do not need it: those closed by inactivity before the end of the input.
     */
    public static CaseDraft settle(CaseDraft draft, Long horizon, ScheduleBook schedules) {
        if (draft.getNeedsHorizon() && horizon == null) {
            throw new IllegalStateException("case closed at the end of input needs the horizon");
        }
        boolean byInactivity = horizon == null || draft.getClosesAt() <= horizon;
        long censoredAt = byInactivity ? draft.getClosesAt() : horizon;
        CaseRecord row = draft.getCaseRow();
        BusinessSchedule desk = schedules.of(row.getBrand());
        boolean cut = byInactivity && draft.getCutAtMaxLength();
        row.setClosedBy(
                cut
                        ? CloseReason.MAX_LENGTH
                        : byInactivity ? CloseReason.INACTIVITY : CloseReason.HORIZON);
        row.setCensoredAt(censoredAt);
        boolean unanswered = row.getFirstReplyAt() == null;
        row.setSecondsToCensor(unanswered ? seconds(row.getOpenedAt(), censoredAt) : null);
        row.setBusinessSecondsToCensor(
                unanswered ? Durations.businessSeconds(desk, row.getOpenedAt(), censoredAt) : null);
        if (row.getOutcome() == Outcome.OPEN) {
            boolean abandoned = byInactivity && !cut;
            row.setOutcome(abandoned ? Outcome.ABANDONED : Outcome.OPEN);
            row.setOutcomeSource(abandoned ? OutcomeSource.INACTIVITY : OutcomeSource.HORIZON);
        }
        Long waitingSince = draft.getWaitingSince();
        if (waitingSince != null && waitingSince < censoredAt) {
            row.setRequesterWaitSeconds(
                    row.getRequesterWaitSeconds() + seconds(waitingSince, censoredAt));
            row.setBusinessRequesterWaitSeconds(
                    row.getBusinessRequesterWaitSeconds()
                            + Durations.businessSeconds(desk, waitingSince, censoredAt));
        }
        for (ExchangeRecord exchange : draft.getExchangeRows()) {
            boolean open = exchange.getRepliedAt() == null;
            exchange.setCensoredAt(open ? censoredAt : null);
            exchange.setSecondsToCensor(open ? seconds(exchange.getPostedAt(), censoredAt) : null);
            exchange.setBusinessSecondsToCensor(
                    open
                            ? Durations.businessSeconds(desk, exchange.getPostedAt(), censoredAt)
                            : null);
        }
        return draft;
    }

    private static long seconds(long fromMillis, long toMillis) {
        return Math.floorDiv(toMillis - fromMillis, 1000L);
    }
}
