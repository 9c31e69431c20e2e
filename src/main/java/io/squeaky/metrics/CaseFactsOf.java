package io.squeaky.metrics;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.CaseRecord;
import java.time.Instant;

/**
 * A settled case row reduced to what the statistics need. Unanswered and unresolved cases are
 * censored where their observation ended. Every case is followed for resolution: a ticket for its
 * service desk's, a social case for one its conversation confirms (see {@code SocialResolution}).
 */
public final class CaseFactsOf {

    private CaseFactsOf() {}

    public static CaseFacts row(CaseRecord row, BusinessSchedule desk) {
        if (row.getCensoredAt() == null) {
            throw new IllegalArgumentException("case " + row.getCaseId() + " is not settled");
        }
        boolean replied = row.getFirstReplyAt() != null;
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
                .setResolved(resolved)
                .setResolutionSeconds(
                        resolved
                                ? row.getSecondsToFullResolution()
                                : Math.floorDiv(censoredAt - row.getOpenedAt(), 1000L))
                .setBusinessResolutionSeconds(
                        resolved
                                ? row.getBusinessSecondsToFullResolution()
                                : desk.businessSeconds(
                                        Instant.ofEpochMilli(row.getOpenedAt()),
                                        Instant.ofEpochMilli(censoredAt)))
                .build();
    }
}
