package io.squeaky.cases;

import io.squeaky.records.CaseEvent;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import java.util.Comparator;

/** Helpers for the items of a customer's timeline: when they happened and who they are. */
public final class Timeline {

    /**
     * Event time; at the same instant ticket events before posts, ticket events in lifecycle order
     * (OPENED first, CLOSED last), then by identity so that every run agrees.
     */
    public static final Comparator<TimelineItem> ORDER =
            Comparator.comparingLong(Timeline::time)
                    .thenComparing(i -> i.getPost() != null)
                    .thenComparingInt(
                            i ->
                                    i.getCaseEvent() == null
                                            ? 0
                                            : i.getCaseEvent().getEventType().ordinal())
                    .thenComparing(Timeline::identity);

    private Timeline() {}

    public static long time(TimelineItem item) {
        return item.getPost() != null
                ? item.getPost().getPost().getCreatedAt()
                : item.getCaseEvent().getOccurredAt();
    }

    static boolean isCustomerPost(TimelineItem item) {
        return item.getPost() != null
                && !item.getAmplifies()
                && !item.getPost().getPost().getAuthorIsBrand();
    }

    static boolean isBrandPost(TimelineItem item) {
        return item.getPost() != null
                && !item.getAmplifies()
                && item.getPost().getPost().getAuthorIsBrand();
    }

    /**
     * What makes an item itself: a post's network and id (and whether it is counted as
     * amplification); a ticket event's content, so that a re-exported row counts once.
     */
    public static String identity(TimelineItem item) {
        if (item.getPost() != null) {
            Post post = item.getPost().getPost();
            return (item.getAmplifies() ? "a:" : "p:") + post.getNetwork() + ":" + post.getPostId();
        }
        CaseEvent e = item.getCaseEvent();
        return String.join(
                "\u001f",
                "e",
                e.getTicketId(),
                e.getEventType().name(),
                Long.toString(e.getOccurredAt()),
                String.valueOf(e.getStatus()),
                e.getChannel().name(),
                String.join(";", e.getPostIds()));
    }
}
