package io.squeaky.report;

import io.squeaky.records.CaseOutcome;
import io.squeaky.records.CaseRecord;

/** The summary's view of a case row. */
public final class CaseOutcomes {

    private CaseOutcomes() {}

    public static CaseOutcome of(CaseRecord row) {
        boolean replied = row.getFirstReplyAt() != null;
        boolean ticket = row.getTicketId() != null;
        boolean resolved = row.getFullResolutionAt() != null;
        Long resolution =
                !ticket
                        ? null
                        : resolved
                                ? row.getSecondsToFullResolution()
                                : Math.floorDiv(row.getCensoredAt() - row.getOpenedAt(), 1000L);
        return CaseOutcome.newBuilder()
                .setBrand(row.getBrand())
                .setCustomerId(row.getCustomerId())
                .setReplied(replied)
                .setReplySeconds(replied ? row.getSecondsToFirstReply() : row.getSecondsToCensor())
                .setTicket(ticket)
                .setResolved(resolved)
                .setResolutionSeconds(resolution)
                .setEscalated(row.getEscalated())
                .build();
    }
}
