package io.squeaky.cases;

import static io.squeaky.cases.Durations.businessSeconds;
import static io.squeaky.cases.Durations.earliest;
import static io.squeaky.cases.Durations.seconds;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.ingest.InputFormat;
import io.squeaky.pressure.PressureThresholds;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.Channel;
import io.squeaky.records.Outcome;
import io.squeaky.records.OutcomeSource;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import java.time.Instant;
import java.util.Locale;

/**
 * Measures one case in the making and writes its draft: the case row with its clocks, pressure and
 * outcome, and its exchange rows. Censoring is settled later, when the end of observation is known.
 */
final class CaseDraftWriter {

    private final Pseudonymizer pseudonyms;
    private final ScheduleBook schedules;
    private final PressureThresholds pressure;

    CaseDraftWriter(Pseudonymizer pseudonyms, ScheduleBook schedules, PressureThresholds pressure) {
        this.pseudonyms = pseudonyms;
        this.schedules = schedules;
        this.pressure = pressure;
    }

    /** How the session the case belongs to closed. */
    record SessionEnd(long closesAt, boolean atEnd, boolean cutAtMaxLength) {}

    CaseDraft draft(String customerKey, CaseParts parts, SessionEnd end) {
        String brand = parts.brand;
        BusinessSchedule desk = schedules.of(brand);
        TimelineItem opener = parts.opener;
        long openedAt = Timeline.time(opener);
        Post openingPost = opener.getPost() == null ? null : opener.getPost().getPost();
        String caseId =
                pseudonyms.pseudonym(
                        "case",
                        customerKey,
                        brand,
                        // A ticket cut at the maximum case length goes on in a new case of the
                        // same ticket: its opening instant keeps the two ids apart.
                        parts.isTicket()
                                ? "ticket:" + parts.ticketId + "@" + openedAt
                                : openingPost.getPostId());
        String customerId = pseudonyms.pseudonym("customer", customerKey);
        Channel firstChannel =
                openingPost != null ? Channel.TWITTER : opener.getCaseEvent().getChannel();
        CaseReplies replies = new CaseReplies(parts, firstChannel);
        Long firstReply = replies.firstReply;
        TicketHistory history = parts.isTicket() ? TicketHistory.of(parts.events) : null;
        // A conversation has no reopen: its first resolution is its full one.
        SocialResolution.Resolved confirmed = parts.isTicket() ? null : SocialResolution.of(parts);
        Long firstResolution =
                history != null
                        ? history.firstResolution()
                        : confirmed == null ? null : confirmed.at();
        Long fullResolution = history != null ? history.fullResolution() : firstResolution;
        ExchangeRows exchanges =
                new ExchangeRows(parts, replies, desk, caseId, customerId, openedAt);

        Long reach =
                parts.customer.isEmpty()
                        ? null
                        : parts.customer.get(0).getPost().getPost().getAuthorFollowers();
        Integer amplification = amplification(parts, earliest(firstReply, firstResolution));
        Double storm = opener.getBrandStorm();
        Long waitMillis = null;
        Long businessWait = null;
        if (history != null) {
            waitMillis = 0L;
            businessWait = 0L;
            for (TicketHistory.Span span : history.waitingSpans()) {
                waitMillis += span.to() - span.from();
                businessWait += businessSeconds(desk, span.from(), span.to());
            }
        }
        boolean escalated = replies.escalated;
        Long escalatedAt = replies.escalatedAt;

        CaseRecord row =
                CaseRecord.newBuilder()
                        .setCaseId(caseId)
                        .setNetwork(openingPost != null ? openingPost.getNetwork() : "twitter")
                        .setBrand(brand)
                        .setCustomerId(customerId)
                        .setSourceFormat(
                                openingPost != null
                                        ? openingPost.getSourceFormat()
                                        : opener.getCaseEvent().getSourceFormat())
                        .setDataSelection(
                                openingPost != null
                                        ? InputFormat.fromOption(openingPost.getSourceFormat())
                                                .dataSelection()
                                        : "as_collected")
                        .setOpenedAt(openedAt)
                        .setPartial(
                                openingPost != null
                                        && openingPost.getParentPostId() != null
                                        && !opener.getPost().getParentKnown())
                        .setBrandAttribution(parts.how)
                        .setTicketId(parts.ticketId)
                        .setFirstChannel(firstChannel.name().toLowerCase(Locale.ROOT))
                        .setEscalated(escalated)
                        .setEscalatedAt(escalatedAt)
                        .setFirstReplyAt(firstReply)
                        .setFirstReplyLink(replies.firstReplyLink)
                        .setSecondsToFirstReply(
                                firstReply == null ? null : seconds(openedAt, firstReply))
                        .setBusinessSecondsToFirstReply(
                                firstReply == null
                                        ? null
                                        : businessSeconds(desk, openedAt, firstReply))
                        .setOpenedInBusinessHours(desk.isOpen(Instant.ofEpochMilli(openedAt)))
                        .setRepliedInBusinessHours(
                                firstReply == null
                                        ? null
                                        : desk.isOpen(Instant.ofEpochMilli(firstReply)))
                        .setFirstResolutionAt(firstResolution)
                        .setSecondsToFirstResolution(
                                firstResolution == null ? null : seconds(openedAt, firstResolution))
                        .setBusinessSecondsToFirstResolution(
                                firstResolution == null
                                        ? null
                                        : businessSeconds(desk, openedAt, firstResolution))
                        .setFullResolutionAt(fullResolution)
                        .setSecondsToFullResolution(
                                fullResolution == null ? null : seconds(openedAt, fullResolution))
                        .setBusinessSecondsToFullResolution(
                                fullResolution == null
                                        ? null
                                        : businessSeconds(desk, openedAt, fullResolution))
                        .setRequesterWaitSeconds(
                                waitMillis == null ? null : Math.floorDiv(waitMillis, 1000L))
                        .setBusinessRequesterWaitSeconds(businessWait)
                        .setReopens(history == null ? 0 : history.reopens())
                        .setSecondsWaitedBeforeEscalation(
                                escalated ? seconds(openedAt, escalatedAt) : null)
                        .setSecondsFromEscalationToFirstReply(replies.secondsFromEscalationToReply)
                        .setSecondsFromEscalationToResolution(
                                escalated && fullResolution != null && fullResolution >= escalatedAt
                                        ? seconds(escalatedAt, fullResolution)
                                        : null)
                        .setPersistence(exchanges.persistence)
                        .setCustomerPosts(parts.customer.size())
                        .setBrandReplies(parts.brandPosts.size())
                        .setExchanges(exchanges.rows.size())
                        .setUnansweredExchanges(exchanges.unanswered)
                        .setLastActivityAt(parts.lastActivity)
                        .setHandedOffPrivate(replies.handoff != null)
                        .setHandedOffAt(
                                replies.handoff == null ? null : replies.handoff.getCreatedAt())
                        .setSecondsToHandoff(
                                replies.handoff == null
                                        ? null
                                        : seconds(openedAt, replies.handoff.getCreatedAt()))
                        .setFollowersAtOpen(
                                openingPost == null ? null : openingPost.getAuthorFollowers())
                        .setReachFollowers(reach)
                        .setAmplification(amplification)
                        .setBrandStorm(storm)
                        .setPressureBucket(
                                pressure.bucket(
                                        reach,
                                        amplification,
                                        exchanges.persistence,
                                        storm,
                                        escalated))
                        .setLanguage(openingPost == null ? null : openingPost.getLanguage())
                        .setOutcome(Outcome.OPEN)
                        .setOutcomeSource(OutcomeSource.HORIZON)
                        .build();
        setOutcome(
                row,
                fullResolution == null
                        ? null
                        : confirmed != null ? confirmed.source() : OutcomeSource.SERVICE_DESK,
                replies);
        return CaseDraft.newBuilder()
                .setCaseRow(row)
                .setExchangeRows(exchanges.rows)
                .setClosesAt(end.closesAt())
                .setNeedsHorizon(end.atEnd())
                .setCutAtMaxLength(end.cutAtMaxLength())
                .setWaitingSince(history == null ? null : history.waitingSince())
                .setAmplifiedAt(parts.amplifications.stream().map(Timeline::time).sorted().toList())
                .build();
    }

    /**
     * The outcome as far as the case itself tells it; {@code resolvedBy} says what resolved it, or
     * is null. A case nobody answered stays OPEN here: censoring tells abandoned from still open
     * once the end of observation is known.
     */
    private static void setOutcome(CaseRecord row, OutcomeSource resolvedBy, CaseReplies replies) {
        if (resolvedBy != null) {
            row.setOutcome(Outcome.RESOLVED);
            row.setOutcomeSource(resolvedBy);
        } else if (replies.handoff != null) {
            row.setOutcome(Outcome.HANDED_OFF_PRIVATE);
            row.setOutcomeSource(OutcomeSource.TEXT_SIGNAL);
        } else if (replies.firstReply != null) {
            row.setOutcome(Outcome.REPLIED);
            row.setOutcomeSource(
                    replies.repliedPublicly
                            ? OutcomeSource.SOCIAL_REPLY
                            : OutcomeSource.SERVICE_DESK);
        }
    }

    /**
     * Retweets, quotes and replies by others of the case's customer posts before the brand first
     * acted (replied or resolved); null when the case has no public post to amplify.
     */
    private static Integer amplification(CaseParts parts, Long firstAction) {
        if (parts.customer.isEmpty()) {
            return null;
        }
        int count = 0;
        for (TimelineItem a : parts.amplifications) {
            if (firstAction == null || Timeline.time(a) < firstAction) {
                count++;
            }
        }
        return count;
    }
}
