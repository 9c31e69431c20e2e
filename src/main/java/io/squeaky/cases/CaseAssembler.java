package io.squeaky.cases;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.pressure.PressureThresholds;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseEvent;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.TimelineItem;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Case assembly for one customer, fed with their posts, brands' replies to them, others'
 * amplifications of them and their ticket events, in event-time order. A session of activity closes
 * when it has been quiet for the inactivity gap (for the ticket timeout while a ticket is
 * unresolved), or at the end of the input; closing it yields that session's cases. The caller keeps
 * the timeline between calls, which lets a Flink operator keep it in keyed state. Every change to
 * the timeline (an item added, the session closed) moves its revision, so that a caller can tell an
 * unchanged session without comparing its items.
 */
public final class CaseAssembler implements Serializable {

    private final CaseRules rules;
    private final Pseudonymizer pseudonyms;
    private final ScheduleBook schedules;
    private final PressureThresholds pressure;

    public CaseAssembler(
            CaseRules rules,
            Pseudonymizer pseudonyms,
            ScheduleBook schedules,
            PressureThresholds pressure) {
        this.rules = rules;
        this.pseudonyms = pseudonyms;
        this.schedules = schedules;
        this.pressure = pressure;
    }

    /** Cases closed by a step, and what that step could not place in a case. */
    public record Closed(
            List<CaseDraft> drafts, int unattributedPosts, int unplacedReplies, int duplicates) {

        static final Closed NOTHING = new Closed(List.of(), 0, 0, 0);

        Closed plus(Closed other) {
            List<CaseDraft> all = new ArrayList<>(drafts);
            all.addAll(other.drafts);
            return new Closed(
                    all,
                    unattributedPosts + other.unattributedPosts,
                    unplacedReplies + other.unplacedReplies,
                    duplicates + other.duplicates);
        }
    }

    public static CustomerTimeline emptyTimeline() {
        return CustomerTimeline.newBuilder()
                .setItems(new ArrayList<>())
                .setLastActivity(Long.MIN_VALUE)
                .build();
    }

    /** Adds an item; first closes the session if the item comes after it went quiet. */
    public Closed accept(String customerKey, CustomerTimeline timeline, TimelineItem item) {
        long at = Timeline.time(item);
        Closed closed = closeIfQuiet(customerKey, timeline, at, false);
        String identity = Timeline.identity(item);
        for (TimelineItem seen : timeline.getItems()) {
            if (Timeline.identity(seen).equals(identity)) {
                return closed.plus(new Closed(List.of(), 0, 0, 1));
            }
        }
        timeline.getItems().add(item);
        timeline.setRevision(timeline.getRevision() + 1);
        Long ingested =
                item.getPost() != null
                        ? item.getPost().getPost().getIngestedAt()
                        : item.getCaseEvent().getIngestedAt();
        if (ingested != null
                && (timeline.getLastIngestedAt() == null
                        || ingested > timeline.getLastIngestedAt())) {
            timeline.setLastIngestedAt(ingested);
        }
        if (!item.getAmplifies()) {
            if (timeline.getStartedAt() == null) {
                timeline.setStartedAt(at);
            }
            timeline.setLastActivity(Math.max(timeline.getLastActivity(), at));
        }
        return closed;
    }

    /**
     * Closes the session if event time has reached the moment it goes quiet. {@code atEnd} says the
     * time comes from the end of the input rather than from the data.
     */
    public Closed closeIfQuiet(
            String customerKey, CustomerTimeline timeline, long eventTime, boolean atEnd) {
        if (timeline.getItems().isEmpty() || eventTime < closesAt(timeline)) {
            return Closed.NOTHING;
        }
        return close(customerKey, timeline, atEnd);
    }

    /** Closes the session whatever the time: at the end of the input. */
    public Closed close(String customerKey, CustomerTimeline timeline, boolean atEnd) {
        if (timeline.getItems().isEmpty()) {
            return Closed.NOTHING;
        }
        SessionCases.Result result =
                new SessionCases(rules, pseudonyms, schedules, pressure)
                        .build(
                                customerKey,
                                timeline.getItems(),
                                new CaseDraftWriter.SessionEnd(
                                        closesAt(timeline), atEnd, cutAtMaxLength(timeline)));
        timeline.setItems(new ArrayList<>());
        timeline.setStartedAt(null);
        timeline.setLastActivity(Long.MIN_VALUE);
        timeline.setLastIngestedAt(null);
        timeline.setRevision(timeline.getRevision() + 1);
        return new Closed(result.drafts(), result.unattributedPosts(), result.unplacedReplies(), 0);
    }

    /**
     * The drafts of the session's cases as if the input ended now, leaving the session open: the
     * same drafts {@link #close} at the end of the input would give, so that a provisional figure
     * censors an open case exactly as a run cut at that instant does.
     */
    public List<CaseDraft> snapshot(String customerKey, CustomerTimeline timeline) {
        if (timeline.getItems().isEmpty()) {
            return List.of();
        }
        return new SessionCases(rules, pseudonyms, schedules, pressure)
                .build(
                        customerKey,
                        timeline.getItems(),
                        new CaseDraftWriter.SessionEnd(
                                closesAt(timeline), true, cutAtMaxLength(timeline)))
                .drafts();
    }

    /**
     * When the session closes if nothing more happens: its last activity plus the inactivity gap,
     * or plus the ticket timeout while one of its tickets is unresolved, and not before the reply
     * window of its latest unanswered customer post has passed; but no later than the maximum case
     * length after it started. Long.MAX_VALUE for an empty timeline. Amplification by others does
     * not keep a customer's session open.
     */
    public long closesAt(CustomerTimeline timeline) {
        if (timeline.getItems().isEmpty() || timeline.getLastActivity() == Long.MIN_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.min(quietAt(timeline), timeline.getStartedAt() + rules.maxCaseLengthMillis());
    }

    private long quietAt(CustomerTimeline timeline) {
        long quiet =
                hasUnresolvedTicket(timeline) ? rules.ticketTimeoutMillis() : rules.gapMillis();
        return Math.max(timeline.getLastActivity() + quiet, awaitingReplyUntil(timeline));
    }

    /**
     * The end of the reply window of the latest customer post no brand has answered yet, or
     * Long.MIN_VALUE. Closing before it would leave a brand reply that the reply window links
     * outside every case, and the slowest replies are the ones a gap would lose.
     */
    private long awaitingReplyUntil(CustomerTimeline timeline) {
        Set<String> answered = new HashSet<>();
        for (TimelineItem item : timeline.getItems()) {
            if (Timeline.isBrandPost(item)) {
                answered.add(item.getPost().getPost().getParentPostId());
            }
        }
        long until = Long.MIN_VALUE;
        for (TimelineItem item : timeline.getItems()) {
            if (Timeline.isCustomerPost(item)
                    && !answered.contains(item.getPost().getPost().getPostId())) {
                until = Math.max(until, Timeline.time(item) + rules.replyWindowMillis());
            }
        }
        return until;
    }

    private boolean cutAtMaxLength(CustomerTimeline timeline) {
        return timeline.getLastActivity() != Long.MIN_VALUE
                && timeline.getStartedAt() + rules.maxCaseLengthMillis() < quietAt(timeline);
    }

    private static boolean hasUnresolvedTicket(CustomerTimeline timeline) {
        Map<String, List<CaseEvent>> tickets = new HashMap<>();
        List<TimelineItem> items = new ArrayList<>(timeline.getItems());
        items.sort(Timeline.ORDER);
        Set<String> seen = new HashSet<>();
        for (TimelineItem item : items) {
            if (item.getCaseEvent() != null && seen.add(Timeline.identity(item))) {
                tickets.computeIfAbsent(item.getCaseEvent().getTicketId(), t -> new ArrayList<>())
                        .add(item.getCaseEvent());
            }
        }
        return tickets.values().stream()
                .anyMatch(events -> !TicketHistory.of(events).resolvedAtEnd());
    }
}
