package io.squeaky.metrics;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.CaseRecord;
import java.time.Instant;

/**
 * A settled case row reduced to what the statistics need. Unanswered cases are censored where their
 * observation ended; resolution is followed for cases with a service-desk ticket only, since a
 * social conversation has no resolution event to wait for.
 */
public final class CaseFactsOf {

    private CaseFactsOf() {}

    public static CaseFacts row(CaseRecord row, BusinessSchedule desk) {
        if (row.getCensoredAt() == null) {
            throw new IllegalArgumentException("case " + row.getCaseId() + " is not settled");
        }
        boolean replied = row.getFirstReplyAt() != null;
        boolean ticket = row.getTicketId() != null;
        boolean resolved = row.getFullResolutionAt() != null;
        long censoredAt = row.getCensoredAt();
        return CaseFacts.newBuilder()
                .setCaseId(row.getCaseId())
                .setCustomerId(row.getCustomerId())
                .setBrand(row.getBrand())
                .setOpenedAt(row.getOpenedAt())
                .setFirstChannel(row.getFirstChannel())
                .setPressureBucket(
                        row.getPressureBucket() == null ? null : row.getPressureBucket().name())
                .setEscalated(row.getEscalated())
                .setOpenedInBusinessHours(row.getOpenedInBusinessHours())
                .setFollowersAtOpen(row.getFollowersAtOpen())
                .setReachFollowers(row.getReachFollowers())
                .setReplied(replied)
                .setReplySeconds(replied ? row.getSecondsToFirstReply() : row.getSecondsToCensor())
                .setBusinessReplySeconds(
                        replied
                                ? row.getBusinessSecondsToFirstReply()
                                : row.getBusinessSecondsToCensor())
                .setWaitingUntil(replied ? row.getFirstReplyAt() : censoredAt)
                .setTicket(ticket)
                .setResolved(ticket && resolved)
                .setResolutionSeconds(
                        !ticket
                                ? null
                                : resolved
                                        ? row.getSecondsToFullResolution()
                                        : Math.floorDiv(censoredAt - row.getOpenedAt(), 1000L))
                .setBusinessResolutionSeconds(
                        !ticket
                                ? null
                                : resolved
                                        ? row.getBusinessSecondsToFullResolution()
                                        : desk.businessSeconds(
                                                Instant.ofEpochMilli(row.getOpenedAt()),
                                                Instant.ofEpochMilli(censoredAt)))
                .build();
    }
}
