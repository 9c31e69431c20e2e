package io.squeaky.cases;

import io.squeaky.records.CaseEvent;
import io.squeaky.records.TicketStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket's status over time, replayed from its events in order (service-desk-input.md, "Ticket
 * status"), and the moments the clocks need: resolutions, reopens and the spans the customer spent
 * waiting on the brand (new, open, on-hold).
 */
final class TicketHistory {

    /** A span of waiting, in epoch millis, {@code [from, to)}. */
    record Span(long from, long to) {}

    private Long firstResolution;
    private Long lastResolution;
    private int reopens;
    private TicketStatus status;
    private Long waitingSince;
    private final List<Span> waiting = new ArrayList<>();

    static TicketHistory of(List<CaseEvent> eventsInOrder) {
        TicketHistory history = new TicketHistory();
        for (CaseEvent event : eventsInOrder) {
            history.apply(event);
        }
        return history;
    }

    private void apply(CaseEvent event) {
        TicketStatus next =
                switch (event.getEventType()) {
                    case OPENED -> event.getStatus() != null ? event.getStatus() : TicketStatus.NEW;
                    case RESOLVED -> TicketStatus.SOLVED;
                    case REOPENED -> TicketStatus.OPEN;
                    case CLOSED -> TicketStatus.CLOSED;
                    default -> event.getStatus() != null ? event.getStatus() : status;
                };
        if (next == null) {
            // Events before any status (a contact logged before the ticket's OPENED) leave it new.
            next = TicketStatus.NEW;
        }
        long at = event.getOccurredAt();
        boolean wasResolved = resolved(status);
        if (!wasResolved && resolved(next)) {
            if (firstResolution == null) {
                firstResolution = at;
            }
            lastResolution = at;
        } else if (wasResolved && !resolved(next)) {
            reopens++;
        }
        boolean wasWaiting = waiting(status);
        if (wasWaiting && !waiting(next)) {
            waiting.add(new Span(waitingSince, at));
            waitingSince = null;
        } else if (!wasWaiting && waiting(next)) {
            waitingSince = at;
        }
        status = next;
    }

    private static boolean resolved(TicketStatus status) {
        return status == TicketStatus.SOLVED || status == TicketStatus.CLOSED;
    }

    private static boolean waiting(TicketStatus status) {
        return status == TicketStatus.NEW
                || status == TicketStatus.OPEN
                || status == TicketStatus.ON_HOLD;
    }

    boolean resolvedAtEnd() {
        return resolved(status);
    }

    Long firstResolution() {
        return firstResolution;
    }

    /** The last resolution, if the ticket was not reopened after it. */
    Long fullResolution() {
        return resolvedAtEnd() ? lastResolution : null;
    }

    int reopens() {
        return reopens;
    }

    /** Finished spans of waiting. */
    List<Span> waitingSpans() {
        return waiting;
    }

    /** When the ticket started its current, unfinished wait; null if it is not waiting. */
    Long waitingSince() {
        return waitingSince;
    }
}
