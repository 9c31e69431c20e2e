package io.squeaky.cases;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.CloseReason;
import io.squeaky.records.ExchangeRecord;

/**
 * Settles when a case stopped being observed. A case is observed until its session closed (last
 * activity plus the inactivity gap) or until the data horizon (the latest event time in the input),
 * whichever comes first. Unanswered cases and exchanges are right-censored there, not dropped.
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
        row.setClosedBy(byInactivity ? CloseReason.INACTIVITY : CloseReason.HORIZON);
        row.setCensoredAt(censoredAt);
        row.setSecondsToCensor(
                row.getFirstReplyAt() == null ? seconds(row.getOpenedAt(), censoredAt) : null);
        row.setBusinessSecondsToCensor(
                row.getFirstReplyAt() == null
                        ? SessionCases.businessSeconds(desk, row.getOpenedAt(), censoredAt)
                        : null);
        for (ExchangeRecord exchange : draft.getExchangeRows()) {
            boolean unanswered = exchange.getRepliedAt() == null;
            exchange.setCensoredAt(unanswered ? censoredAt : null);
            exchange.setSecondsToCensor(
                    unanswered ? seconds(exchange.getPostedAt(), censoredAt) : null);
            exchange.setBusinessSecondsToCensor(
                    unanswered
                            ? SessionCases.businessSeconds(desk, exchange.getPostedAt(), censoredAt)
                            : null);
        }
        return draft;
    }

    private static long seconds(long fromMillis, long toMillis) {
        return Math.floorDiv(toMillis - fromMillis, 1000L);
    }
}
