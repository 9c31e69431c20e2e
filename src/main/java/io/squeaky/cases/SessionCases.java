package io.squeaky.cases;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.ingest.InputFormat;
import io.squeaky.records.BrandAttribution;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Outcome;
import io.squeaky.records.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one customer's closed activity session into cases, one per brand and run of activity.
 *
 * <p>Each customer post is attributed to a brand by the strongest evidence: it replies to the
 * brand's post; else the brand replied to it; else it mentions the brand; else it continues the
 * customer's own thread whose earlier post was attributed. A brand post belongs to the case of the
 * customer post it replies to. Within a brand, a pause of the inactivity gap starts a new case.
 * Every case of the session is observed until the session closed.
 */
final class SessionCases {

    private static final Comparator<LinkedPost> EVENT_ORDER =
            Comparator.comparingLong((LinkedPost p) -> p.getPost().getCreatedAt())
                    .thenComparing(p -> p.getPost().getPostId());

    private final CaseRules rules;
    private final Pseudonymizer pseudonyms;
    private final ScheduleBook schedules;

    SessionCases(CaseRules rules, Pseudonymizer pseudonyms, ScheduleBook schedules) {
        this.rules = rules;
        this.pseudonyms = pseudonyms;
        this.schedules = schedules;
    }

    /** What closing a session produced, with what could not be placed in any case. */
    record Result(List<CaseDraft> drafts, int unattributedPosts, int unplacedReplies) {}

    Result build(String customerKey, List<LinkedPost> session, long closesAt, boolean atEnd) {
        List<LinkedPost> posts = new ArrayList<>(session);
        posts.sort(EVENT_ORDER);
        Map<String, LinkedPost> customerPosts = new LinkedHashMap<>();
        Map<String, LinkedPost> earliestReply = new HashMap<>();
        List<LinkedPost> brandPosts = new ArrayList<>();
        for (LinkedPost p : posts) {
            Post post = p.getPost();
            if (post.getAuthorIsBrand()) {
                brandPosts.add(p);
                earliestReply.putIfAbsent(post.getParentPostId(), p);
            } else {
                customerPosts.putIfAbsent(post.getPostId(), p);
            }
        }

        Map<String, Attribution> attribution = attribute(customerPosts, earliestReply);
        int unattributed = customerPosts.size() - attribution.size();

        Map<String, List<Segment>> byBrand = new LinkedHashMap<>();
        Map<String, Segment> segmentOfPost = new HashMap<>();
        int unplaced = 0;
        for (LinkedPost p : posts) {
            Post post = p.getPost();
            if (post.getAuthorIsBrand()) {
                Segment parent = segmentOfPost.get(post.getParentPostId());
                if (parent == null) {
                    unplaced++;
                } else {
                    parent.add(p);
                }
                continue;
            }
            Attribution a = attribution.get(post.getPostId());
            if (a == null || segmentOfPost.containsKey(post.getPostId())) {
                continue;
            }
            List<Segment> segments = byBrand.computeIfAbsent(a.brand(), b -> new ArrayList<>());
            Segment current = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            long at = post.getCreatedAt();
            if (current == null || at - current.lastActivity >= rules.gapMillis()) {
                current = new Segment(a);
                segments.add(current);
            }
            current.add(p);
            segmentOfPost.put(post.getPostId(), current);
        }

        List<CaseDraft> drafts = new ArrayList<>();
        for (List<Segment> segments : byBrand.values()) {
            for (Segment segment : segments) {
                drafts.add(draft(customerKey, segment, closesAt, atEnd));
            }
        }
        return new Result(drafts, unattributed, unplaced);
    }

    private record Attribution(String brand, BrandAttribution how) {}

    private static Map<String, Attribution> attribute(
            Map<String, LinkedPost> customerPosts, Map<String, LinkedPost> earliestReply) {
        Map<String, Attribution> direct = new HashMap<>();
        for (LinkedPost p : customerPosts.values()) {
            Post post = p.getPost();
            LinkedPost reply = earliestReply.get(post.getPostId());
            if (p.getParentKnown() && p.getParentIsBrand()) {
                direct.put(
                        post.getPostId(),
                        new Attribution(p.getParentBrand(), BrandAttribution.REPLY_TO_BRAND));
            } else if (reply != null) {
                direct.put(
                        post.getPostId(),
                        new Attribution(reply.getPost().getBrand(), BrandAttribution.BRAND_REPLY));
            } else if (post.getAddressedBrand() != null) {
                direct.put(
                        post.getPostId(),
                        new Attribution(post.getAddressedBrand(), BrandAttribution.MENTION));
            }
        }
        // A customer's own thread shares the brand of its earliest attributed post.
        Map<String, String> threadRoot = new HashMap<>();
        Map<String, Attribution> threadBrand = new HashMap<>();
        for (LinkedPost p : customerPosts.values()) {
            String id = p.getPost().getPostId();
            String parent = p.getPost().getParentPostId();
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
        for (LinkedPost p : customerPosts.values()) {
            String id = p.getPost().getPostId();
            Attribution inherited = threadBrand.get(threadRoot.get(id));
            if (!result.containsKey(id) && inherited != null) {
                result.put(id, new Attribution(inherited.brand(), BrandAttribution.THREAD));
            }
        }
        return result;
    }

    /** One case in the making: the customer posts of one brand and the replies to them. */
    private static final class Segment {
        final Attribution opening;
        final List<LinkedPost> customer = new ArrayList<>();
        final List<LinkedPost> brand = new ArrayList<>();
        long lastActivity = Long.MIN_VALUE;

        Segment(Attribution opening) {
            this.opening = opening;
        }

        void add(LinkedPost p) {
            (p.getPost().getAuthorIsBrand() ? brand : customer).add(p);
            lastActivity = Math.max(lastActivity, p.getPost().getCreatedAt());
        }
    }

    private CaseDraft draft(String customerKey, Segment segment, long closesAt, boolean atEnd) {
        Post opener = segment.customer.get(0).getPost();
        String brand = segment.opening.brand();
        String caseId = pseudonyms.pseudonym("case", customerKey, brand, opener.getPostId());
        String customerId = pseudonyms.pseudonym("customer", customerKey);
        long openedAt = opener.getCreatedAt();
        BusinessSchedule desk = schedules.of(brand);

        Post firstReply = null;
        Post handoff = null;
        Map<String, Post> replyTo = new HashMap<>();
        for (LinkedPost b : segment.brand) {
            Post reply = b.getPost();
            if (firstReply == null) {
                firstReply = reply;
            }
            if (handoff == null && reply.getPrivateHandoff()) {
                handoff = reply;
            }
            replyTo.putIfAbsent(reply.getParentPostId(), reply);
        }

        int persistence = 0;
        int unanswered = 0;
        List<ExchangeRecord> exchanges = new ArrayList<>();
        for (LinkedPost c : segment.customer) {
            Post post = c.getPost();
            if (firstReply == null || post.getCreatedAt() < firstReply.getCreatedAt()) {
                persistence++;
            }
            Post reply = replyTo.get(post.getPostId());
            if (reply == null) {
                unanswered++;
            }
            exchanges.add(
                    ExchangeRecord.newBuilder()
                            .setCaseId(caseId)
                            .setNetwork(opener.getNetwork())
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

        Outcome outcome =
                handoff != null
                        ? Outcome.HANDED_OFF_PRIVATE
                        : firstReply != null ? Outcome.REPLIED : Outcome.OPEN;
        CaseRecord row =
                CaseRecord.newBuilder()
                        .setCaseId(caseId)
                        .setNetwork(opener.getNetwork())
                        .setBrand(brand)
                        .setCustomerId(customerId)
                        .setSourceFormat(opener.getSourceFormat())
                        .setDataSelection(
                                InputFormat.fromOption(opener.getSourceFormat()).dataSelection())
                        .setOpenedAt(openedAt)
                        .setPartial(
                                opener.getParentPostId() != null
                                        && !segment.customer.get(0).getParentKnown())
                        .setBrandAttribution(segment.opening.how())
                        .setFirstReplyAt(firstReply == null ? null : firstReply.getCreatedAt())
                        .setSecondsToFirstReply(
                                firstReply == null
                                        ? null
                                        : seconds(openedAt, firstReply.getCreatedAt()))
                        .setBusinessSecondsToFirstReply(
                                firstReply == null
                                        ? null
                                        : businessSeconds(
                                                desk, openedAt, firstReply.getCreatedAt()))
                        .setOpenedInBusinessHours(desk.isOpen(Instant.ofEpochMilli(openedAt)))
                        .setRepliedInBusinessHours(
                                firstReply == null
                                        ? null
                                        : desk.isOpen(
                                                Instant.ofEpochMilli(firstReply.getCreatedAt())))
                        .setPersistence(persistence)
                        .setCustomerPosts(segment.customer.size())
                        .setBrandReplies(segment.brand.size())
                        .setExchanges(exchanges.size())
                        .setUnansweredExchanges(unanswered)
                        .setLastActivityAt(segment.lastActivity)
                        .setHandedOffPrivate(handoff != null)
                        .setHandedOffAt(handoff == null ? null : handoff.getCreatedAt())
                        .setSecondsToHandoff(
                                handoff == null ? null : seconds(openedAt, handoff.getCreatedAt()))
                        .setFollowersAtOpen(opener.getAuthorFollowers())
                        .setLanguage(opener.getLanguage())
                        .setOutcome(outcome)
                        .build();
        return CaseDraft.newBuilder()
                .setCaseRow(row)
                .setExchangeRows(exchanges)
                .setClosesAt(closesAt)
                .setNeedsHorizon(atEnd)
                .build();
    }

    static long businessSeconds(BusinessSchedule desk, long fromMillis, long toMillis) {
        return desk.businessSeconds(
                Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis));
    }

    private static long seconds(long fromMillis, long toMillis) {
        return Math.floorDiv(toMillis - fromMillis, 1000L);
    }
}
