package io.squeaky.cases;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.pressure.PressureThresholds;
import io.squeaky.records.BrandAttribution;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseEvent;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one customer's closed activity session into cases.
 *
 * <p>Each ticket is a case. A customer post is attributed to a brand ({@link BrandAttributions})
 * and joins the customer's ticket of that brand that holds it ({@link TicketPlacement}); the others
 * make social cases, one per brand and run of activity (a pause of the inactivity gap between
 * customer posts starts a new one). A brand post belongs to the case of the post it answers, an
 * amplification to the case of the post it amplifies, however long after the case's last customer
 * post it came: the session stayed open for it (see {@link CaseAssembler#closesAt}). Every case of
 * the session is observed until the session closed.
 */
final class SessionCases {

    private final CaseRules rules;
    private final CaseDraftWriter writer;

    SessionCases(
            CaseRules rules,
            Pseudonymizer pseudonyms,
            ScheduleBook schedules,
            PressureThresholds pressure) {
        this.rules = rules;
        this.writer = new CaseDraftWriter(pseudonyms, schedules, pressure);
    }

    /** What closing a session produced, with what could not be placed in any case. */
    record Result(List<CaseDraft> drafts, int unattributedPosts, int unplacedReplies) {}

    Result build(String customerKey, List<TimelineItem> session, CaseDraftWriter.SessionEnd end) {
        List<TimelineItem> items = new ArrayList<>(session);
        items.sort(Timeline.ORDER);
        Map<String, TimelineItem> customerPosts = new LinkedHashMap<>();
        Map<String, TimelineItem> earliestReply = new HashMap<>();
        Map<String, CaseParts> tickets = new LinkedHashMap<>();
        Map<String, String> ticketOfListedPost = new HashMap<>();
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
                                        new CaseParts(
                                                event.getBrand(),
                                                BrandAttribution.SERVICE_DESK,
                                                id))
                        .add(item);
                event.getPostIds()
                        .forEach(p -> ticketOfListedPost.putIfAbsent(p, event.getTicketId()));
            }
        }

        Map<String, BrandAttributions.Attribution> attribution =
                BrandAttributions.of(customerPosts, earliestReply);
        TicketPlacement placement = new TicketPlacement(rules, tickets, ticketOfListedPost);
        Map<String, CaseParts> caseOfPost = new HashMap<>();
        Map<String, List<CaseParts>> socialByBrand = new LinkedHashMap<>();
        int unattributed = 0;
        for (TimelineItem item : customerPosts.values()) {
            Post post = item.getPost().getPost();
            BrandAttributions.Attribution a = attribution.get(post.getPostId());
            CaseParts ticket = placement.ticketFor(post, a == null ? null : a.brand());
            if (ticket != null) {
                ticket.add(item);
                caseOfPost.put(post.getPostId(), ticket);
            } else if (a == null) {
                unattributed++;
            } else {
                CaseParts run = socialRun(socialByBrand, a, post.getCreatedAt());
                run.add(item);
                caseOfPost.put(post.getPostId(), run);
            }
        }

        int unplaced = 0;
        for (TimelineItem item : items) {
            if (item.getPost() == null || Timeline.isCustomerPost(item)) {
                continue;
            }
            CaseParts target = caseOfPost.get(LinkTargets.target(item.getPost().getPost()));
            if (target != null) {
                target.add(item);
            } else if (Timeline.isBrandPost(item)) {
                unplaced++;
            }
        }

        List<CaseDraft> drafts = new ArrayList<>();
        for (CaseParts ticket : tickets.values()) {
            drafts.add(writer.draft(customerKey, ticket, end));
        }
        for (List<CaseParts> runs : socialByBrand.values()) {
            for (CaseParts run : runs) {
                drafts.add(writer.draft(customerKey, run, end));
            }
        }
        return new Result(drafts, unattributed, unplaced);
    }

    /**
     * The brand's social case a customer post at {@code at} joins: the latest, unless gone quiet.
     */
    private CaseParts socialRun(
            Map<String, List<CaseParts>> socialByBrand, BrandAttributions.Attribution a, long at) {
        List<CaseParts> runs = socialByBrand.computeIfAbsent(a.brand(), b -> new ArrayList<>());
        CaseParts run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (run == null || at - run.lastActivity >= rules.gapMillis()) {
            run = new CaseParts(a.brand(), a.how(), null);
            runs.add(run);
        }
        return run;
    }
}
