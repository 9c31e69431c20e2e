package io.squeaky.cases;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.ingest.InputFormat;
import io.squeaky.pressure.PressureThresholds;
import io.squeaky.records.BrandAttribution;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseEvent;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.Channel;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Outcome;
import io.squeaky.records.OutcomeSource;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one customer's closed activity session into cases.
 *
 * <p>Each ticket is a case. A customer post is attributed to a brand by the strongest evidence: a
 * ticket lists it; it replies to the brand's post; the brand replied to it; it mentions the brand;
 * it continues the customer's own thread whose earlier post was attributed. An attributed post
 * joins the customer's ticket of that brand whose lifetime (or the link window before it) holds it;
 * the others make social cases, one per brand and run of activity (a pause of the inactivity gap
 * starts a new one). A brand post belongs to the case of the post it answers, an amplification to
 * the case of the post it amplifies. Every case of the session is observed until the session
 * closed.
 */
final class SessionCases {

    private final CaseRules rules;
    private final Pseudonymizer pseudonyms;
    private final ScheduleBook schedules;
    private final PressureThresholds pressure;

    SessionCases(
            CaseRules rules,
            Pseudonymizer pseudonyms,
            ScheduleBook schedules,
            PressureThresholds pressure) {
        this.rules = rules;
        this.pseudonyms = pseudonyms;
        this.schedules = schedules;
        this.pressure = pressure;
    }

    /** What closing a session produced, with what could not be placed in any case. */
    record Result(List<CaseDraft> drafts, int unattributedPosts, int unplacedReplies) {}

    private record Attribution(String brand, BrandAttribution how) {}

    /** The items of one case in the making. */
    private static final class Parts {
        final String brand;
        final BrandAttribution how;
        final String ticketId;
        final List<TimelineItem> customer = new ArrayList<>();
        final List<TimelineItem> brandPosts = new ArrayList<>();
        final List<TimelineItem> amplifications = new ArrayList<>();
        final List<CaseEvent> events = new ArrayList<>();
        TimelineItem opener;
        long lastActivity = Long.MIN_VALUE;

        Parts(String brand, BrandAttribution how, String ticketId) {
            this.brand = brand;
            this.how = how;
            this.ticketId = ticketId;
        }

        void add(TimelineItem item) {
            if (Timeline.isCustomerPost(item)) {
                customer.add(item);
            } else if (Timeline.isBrandPost(item)) {
                brandPosts.add(item);
            } else if (item.getAmplifies()) {
                amplifications.add(item);
                return;
            } else {
                events.add(item.getCaseEvent());
            }
            if (opener == null || Timeline.ORDER.compare(item, opener) < 0) {
                opener = item;
            }
            lastActivity = Math.max(lastActivity, Timeline.time(item));
        }
    }

    Result build(
            String customerKey,
            List<TimelineItem> session,
            long closesAt,
            boolean atEnd,
            boolean cutAtMaxLength) {
        List<TimelineItem> items = new ArrayList<>(session);
        items.sort(Timeline.ORDER);
        Map<String, TimelineItem> customerPosts = new LinkedHashMap<>();
        Map<String, TimelineItem> earliestReply = new HashMap<>();
        Map<String, Parts> tickets = new LinkedHashMap<>();
        Map<String, String> ticketOfReferencedPost = new HashMap<>();
        for (TimelineItem item : items) {
            if (Timeline.isCustomerPost(item)) {
                customerPosts.putIfAbsent(item.getPost().getPost().getPostId(), item);
            } else if (Timeline.isBrandPost(item)) {
                earliestReply.putIfAbsent(item.getPost().getPost().getParentPostId(), item);
            } else if (item.getCaseEvent() != null) {
                CaseEvent event = item.getCaseEvent();
                tickets.computeIfAbsent(
                                event.getTicketId(),
                                id ->
                                        new Parts(
                                                event.getBrand(),
                                                BrandAttribution.SERVICE_DESK,
                                                id))
                        .add(item);
                event.getPostIds()
                        .forEach(p -> ticketOfReferencedPost.putIfAbsent(p, event.getTicketId()));
            }
        }

        Map<String, Attribution> attribution = attribute(customerPosts, earliestReply);
        Map<String, Parts> caseOfPost = new HashMap<>();
        Map<String, List<Parts>> socialByBrand = new LinkedHashMap<>();
        int unattributed = 0;
        for (TimelineItem item : customerPosts.values()) {
            Post post = item.getPost().getPost();
            Parts ticket =
                    ticketFor(
                            post,
                            attribution.get(post.getPostId()),
                            tickets,
                            ticketOfReferencedPost);
            if (ticket != null) {
                ticket.add(item);
                caseOfPost.put(post.getPostId(), ticket);
                continue;
            }
            Attribution a = attribution.get(post.getPostId());
            if (a == null) {
                unattributed++;
                continue;
            }
            List<Parts> runs = socialByBrand.computeIfAbsent(a.brand(), b -> new ArrayList<>());
            Parts run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (run == null || post.getCreatedAt() - run.lastActivity >= rules.gapMillis()) {
                run = new Parts(a.brand(), a.how(), null);
                runs.add(run);
            }
            run.add(item);
            caseOfPost.put(post.getPostId(), run);
        }

        int unplaced = 0;
        for (TimelineItem item : items) {
            if (item.getPost() == null || Timeline.isCustomerPost(item)) {
                continue;
            }
            Parts target = caseOfPost.get(LinkTargets.target(item.getPost().getPost()));
            if (target != null) {
                target.add(item);
            } else if (Timeline.isBrandPost(item)) {
                unplaced++;
            }
        }

        List<CaseDraft> drafts = new ArrayList<>();
        for (Parts ticket : tickets.values()) {
            drafts.add(draft(customerKey, ticket, closesAt, atEnd, cutAtMaxLength));
        }
        for (List<Parts> runs : socialByBrand.values()) {
            for (Parts run : runs) {
                drafts.add(draft(customerKey, run, closesAt, atEnd, cutAtMaxLength));
            }
        }
        return new Result(drafts, unattributed, unplaced);
    }

    /** The ticket a customer post joins, or null. */
    private Parts ticketFor(
            Post post,
            Attribution attribution,
            Map<String, Parts> tickets,
            Map<String, String> ticketOfReferencedPost) {
        String referencing = ticketOfReferencedPost.get(post.getPostId());
        if (referencing != null) {
            return tickets.get(referencing);
        }
        if (attribution == null) {
            return null;
        }
        long at = post.getCreatedAt();
        Parts before = null;
        Parts after = null;
        for (Parts ticket : tickets.values()) {
            if (!ticket.brand.equals(attribution.brand())) {
                continue;
            }
            TicketHistory history = TicketHistory.of(ticket.events);
            long first = ticket.events.get(0).getOccurredAt();
            long last = ticket.events.get(ticket.events.size() - 1).getOccurredAt();
            boolean inLifetime =
                    at >= first - rules.linkWindowMillis()
                            && (!history.resolvedAtEnd() || at <= last);
            if (!inLifetime) {
                continue;
            }
            if (first <= at) {
                if (before == null || first >= before.events.get(0).getOccurredAt()) {
                    before = ticket;
                }
            } else if (after == null || first < after.events.get(0).getOccurredAt()) {
                after = ticket;
            }
        }
        return before != null ? before : after;
    }

    private static Map<String, Attribution> attribute(
            Map<String, TimelineItem> customerPosts, Map<String, TimelineItem> earliestReply) {
        Map<String, Attribution> direct = new HashMap<>();
        for (TimelineItem item : customerPosts.values()) {
            LinkedPost p = item.getPost();
            Post post = p.getPost();
            TimelineItem reply = earliestReply.get(post.getPostId());
            if (p.getParentKnown() && p.getParentIsBrand()) {
                direct.put(
                        post.getPostId(),
                        new Attribution(p.getParentBrand(), BrandAttribution.REPLY_TO_BRAND));
            } else if (reply != null) {
                direct.put(
                        post.getPostId(),
                        new Attribution(
                                reply.getPost().getPost().getBrand(),
                                BrandAttribution.BRAND_REPLY));
            } else if (post.getAddressedBrand() != null) {
                direct.put(
                        post.getPostId(),
                        new Attribution(post.getAddressedBrand(), BrandAttribution.MENTION));
            }
        }
        // A customer's own thread shares the brand of its earliest attributed post.
        Map<String, String> threadRoot = new HashMap<>();
        Map<String, Attribution> threadBrand = new HashMap<>();
        for (TimelineItem item : customerPosts.values()) {
            String id = item.getPost().getPost().getPostId();
            String parent = item.getPost().getPost().getParentPostId();
            String root =
                    parent != null && customerPosts.containsKey(parent)
                            ? threadRoot.getOrDefault(parent, parent)
                            : id;
            threadRoot.put(id, root);
            Attribution a = direct.get(id);
            if (a != null) {
                threadBrand.putIfAbsent(root, a);
            }
        }
        Map<String, Attribution> result = new HashMap<>(direct);
        for (TimelineItem item : customerPosts.values()) {
            String id = item.getPost().getPost().getPostId();
            Attribution inherited = threadBrand.get(threadRoot.get(id));
            if (!result.containsKey(id) && inherited != null) {
                result.put(id, new Attribution(inherited.brand(), BrandAttribution.THREAD));
            }
        }
        return result;
    }

    private CaseDraft draft(
            String customerKey, Parts parts, long closesAt, boolean atEnd, boolean cutAtMaxLength) {
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
                        parts.ticketId != null
                                ? "ticket:" + parts.ticketId
                                : openingPost.getPostId());
        String customerId = pseudonyms.pseudonym("customer", customerKey);
        Channel firstChannel =
                openingPost != null ? Channel.TWITTER : opener.getCaseEvent().getChannel();

        Long firstReply = null;
        Long firstAgentReply = null;
        Post handoff = null;
        Map<String, Post> replyTo = new HashMap<>();
        for (TimelineItem b : parts.brandPosts) {
            Post reply = b.getPost().getPost();
            firstReply = min(firstReply, reply.getCreatedAt());
            if (handoff == null && reply.getPrivateHandoff()) {
                handoff = reply;
            }
            replyTo.putIfAbsent(reply.getParentPostId(), reply);
        }
        Long escalatedAt = null;
        for (CaseEvent event : parts.events) {
            if (event.getEventType() == CaseEventType.AGENT_REPLY) {
                firstAgentReply = min(firstAgentReply, event.getOccurredAt());
            }
            if (isPublic(event.getChannel())) {
                escalatedAt = min(escalatedAt, event.getOccurredAt());
            }
        }
        boolean repliedPublicly =
                firstReply != null && (firstAgentReply == null || firstReply <= firstAgentReply);
        firstReply = min(firstReply, firstAgentReply);
        if (!parts.customer.isEmpty()) {
            escalatedAt = min(escalatedAt, Timeline.time(parts.customer.get(0)));
        }
        boolean escalated = !isPublic(firstChannel) && escalatedAt != null;
        if (!escalated) {
            escalatedAt = null;
        }

        TicketHistory history = parts.ticketId == null ? null : TicketHistory.of(parts.events);
        Long firstResolution = history == null ? null : history.firstResolution();
        Long fullResolution = history == null ? null : history.fullResolution();

        int persistence = 0;
        int unanswered = 0;
        List<ExchangeRecord> exchanges = new ArrayList<>();
        for (TimelineItem c : parts.customer) {
            Post post = c.getPost().getPost();
            if (firstReply == null || post.getCreatedAt() < firstReply) {
                persistence++;
            }
            Post reply = replyTo.get(post.getPostId());
            if (reply == null) {
                unanswered++;
            }
            exchanges.add(
                    ExchangeRecord.newBuilder()
                            .setCaseId(caseId)
                            .setNetwork(post.getNetwork())
                            .setBrand(brand)
                            .setCustomerId(customerId)
                            .setCaseOpenedAt(openedAt)
                            .setSeq(exchanges.size() + 1)
                            .setPostedAt(post.getCreatedAt())
                            .setFollowersAtPost(post.getAuthorFollowers())
                            .setRepliedAt(reply == null ? null : reply.getCreatedAt())
                            .setSecondsToReply(
                                    reply == null
                                            ? null
                                            : seconds(post.getCreatedAt(), reply.getCreatedAt()))
                            .setBusinessSecondsToReply(
                                    reply == null
                                            ? null
                                            : businessSeconds(
                                                    desk,
                                                    post.getCreatedAt(),
                                                    reply.getCreatedAt()))
                            .setReplyPrivateHandoff(
                                    reply == null ? null : reply.getPrivateHandoff())
                            .build());
        }

        Long reach =
                parts.customer.isEmpty()
                        ? null
                        : parts.customer.get(0).getPost().getPost().getAuthorFollowers();
        Integer amplification = amplification(parts, min(firstReply, firstResolution));
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
        Long fromEscalationToReply = null;
        if (escalated) {
            Long replyAfter = null;
            for (TimelineItem b : parts.brandPosts) {
                long at = Timeline.time(b);
                if (at >= escalatedAt) {
                    replyAfter = min(replyAfter, at);
                }
            }
            for (CaseEvent event : parts.events) {
                if (event.getEventType() == CaseEventType.AGENT_REPLY
                        && event.getOccurredAt() >= escalatedAt) {
                    replyAfter = min(replyAfter, event.getOccurredAt());
                }
            }
            fromEscalationToReply = replyAfter == null ? null : seconds(escalatedAt, replyAfter);
        }

        Outcome outcome;
        OutcomeSource source;
        if (fullResolution != null) {
            outcome = Outcome.RESOLVED;
            source = OutcomeSource.SERVICE_DESK;
        } else if (handoff != null) {
            outcome = Outcome.HANDED_OFF_PRIVATE;
            source = OutcomeSource.TEXT_SIGNAL;
        } else if (firstReply != null) {
            outcome = Outcome.REPLIED;
            source = repliedPublicly ? OutcomeSource.SOCIAL_REPLY : OutcomeSource.SERVICE_DESK;
        } else {
            // Abandoned or still open: settled with censoring, when the end is known.
            outcome = Outcome.OPEN;
            source = OutcomeSource.HORIZON;
        }

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
                        .setSecondsFromEscalationToFirstReply(fromEscalationToReply)
                        .setSecondsFromEscalationToResolution(
                                escalated && fullResolution != null && fullResolution >= escalatedAt
                                        ? seconds(escalatedAt, fullResolution)
                                        : null)
                        .setPersistence(persistence)
                        .setCustomerPosts(parts.customer.size())
                        .setBrandReplies(parts.brandPosts.size())
                        .setExchanges(exchanges.size())
                        .setUnansweredExchanges(unanswered)
                        .setLastActivityAt(parts.lastActivity)
                        .setHandedOffPrivate(handoff != null)
                        .setHandedOffAt(handoff == null ? null : handoff.getCreatedAt())
                        .setSecondsToHandoff(
                                handoff == null ? null : seconds(openedAt, handoff.getCreatedAt()))
                        .setFollowersAtOpen(
                                openingPost == null ? null : openingPost.getAuthorFollowers())
                        .setReachFollowers(reach)
                        .setAmplification(amplification)
                        .setBrandStorm(storm)
                        .setPressureBucket(
                                pressure.bucket(
                                        reach, amplification, persistence, storm, escalated))
                        .setLanguage(openingPost == null ? null : openingPost.getLanguage())
                        .setOutcome(outcome)
                        .setOutcomeSource(source)
                        .build();
        return CaseDraft.newBuilder()
                .setCaseRow(row)
                .setExchangeRows(exchanges)
                .setClosesAt(closesAt)
                .setNeedsHorizon(atEnd)
                .setCutAtMaxLength(cutAtMaxLength)
                .setWaitingSince(history == null ? null : history.waitingSince())
                .setAmplifiedAt(parts.amplifications.stream().map(Timeline::time).sorted().toList())
                .build();
    }

    /**
     * Retweets, quotes and replies by others of the case's customer posts before the brand first
     * acted (replied or resolved); null when the case has no public post to amplify.
     */
    private static Integer amplification(Parts parts, Long firstAction) {
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

    private static boolean isPublic(Channel channel) {
        return channel == Channel.TWITTER || channel == Channel.FACEBOOK;
    }

    private static Long min(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }

    static long businessSeconds(BusinessSchedule desk, long fromMillis, long toMillis) {
        return desk.businessSeconds(
                Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis));
    }

    private static long seconds(long fromMillis, long toMillis) {
        return Math.floorDiv(toMillis - fromMillis, 1000L);
    }
}
