package io.squeaky.cases;

import io.squeaky.records.Post;
import java.util.Map;

/**
 * Which ticket a customer post joins: the ticket that lists it; else the customer's ticket of the
 * post's brand whose lifetime (or the link window before it) holds it, preferring the latest ticket
 * opened before the post, then the earliest opened after it.
 */
final class TicketPlacement {

    private final CaseRules rules;
    private final Map<String, CaseParts> tickets;
    private final Map<String, String> ticketOfListedPost;

    TicketPlacement(
            CaseRules rules,
            Map<String, CaseParts> tickets,
            Map<String, String> ticketOfListedPost) {
        this.rules = rules;
        this.tickets = tickets;
        this.ticketOfListedPost = ticketOfListedPost;
    }

    /** The ticket the post joins, or null; {@code brand} is the post's attributed brand or null. */
    CaseParts ticketFor(Post post, String brand) {
        String listing = ticketOfListedPost.get(post.getPostId());
        if (listing != null) {
            return tickets.get(listing);
        }
        if (brand == null) {
            return null;
        }
        long at = post.getCreatedAt();
        CaseParts before = null;
        CaseParts after = null;
        for (CaseParts ticket : tickets.values()) {
            if (!ticket.brand.equals(brand) || !inLifetime(ticket, at)) {
                continue;
            }
            long first = ticket.firstEventAt();
            if (first <= at) {
                if (before == null || first >= before.firstEventAt()) {
                    before = ticket;
                }
            } else if (after == null || first < after.firstEventAt()) {
                after = ticket;
            }
        }
        return before != null ? before : after;
    }

    private boolean inLifetime(CaseParts ticket, long at) {
        boolean resolvedAtEnd = TicketHistory.of(ticket.events).resolvedAtEnd();
        return at >= ticket.firstEventAt() - rules.linkWindowMillis()
                && (!resolvedAtEnd || at <= ticket.lastEventAt());
    }
}
