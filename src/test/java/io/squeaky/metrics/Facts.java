package io.squeaky.metrics;

import io.squeaky.records.CaseFacts;
import java.time.Instant;

/** Case facts for the statistics tests: a Twitter case, not escalated, opened in office hours. */
final class Facts {

    static final String BRAND = "Amazon";

    /** Tuesday 2017-10-31, 10:00 UTC. */
    static final long T0 = Instant.parse("2017-10-31T10:00:00Z").toEpochMilli();

    private Facts() {}

    static CaseFacts.Builder replied(String caseId, long seconds) {
        return base(caseId)
                .setReplied(true)
                .setReplySeconds(seconds)
                .setBusinessReplySeconds(seconds)
                .setWaitingUntil(T0 + seconds * 1000);
    }

    static CaseFacts.Builder unanswered(String caseId, long censoredAfterSeconds) {
        return base(caseId)
                .setReplied(false)
                .setReplySeconds(censoredAfterSeconds)
                .setBusinessReplySeconds(censoredAfterSeconds)
                .setWaitingUntil(T0 + censoredAfterSeconds * 1000);
    }

    static CaseFacts.Builder ticket(CaseFacts.Builder builder, long seconds, boolean resolved) {
        return builder.setResolved(resolved)
                .setResolutionSeconds(seconds)
                .setBusinessResolutionSeconds(seconds / 3);
    }

    private static CaseFacts.Builder base(String caseId) {
        return CaseFacts.newBuilder()
                .setCaseId(caseId)
                .setCustomerId("customer-" + caseId)
                .setBrand(BRAND)
                .setOpenedAt(T0)
                .setFirstChannel("twitter")
                .setPressureBucket("NONE")
                .setEscalated(false)
                .setOpenedInBusinessHours(true)
                .setFollowersAtOpen(100L)
                .setReachFollowers(100L)
                // Followed for resolution too: unresolved, censored a day after opening.
                .setResolved(false)
                .setResolutionSeconds(86_400L)
                .setBusinessResolutionSeconds(28_800L);
    }
}
