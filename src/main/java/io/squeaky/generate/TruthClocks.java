package io.squeaky.generate;

import java.util.List;
import java.util.Set;

/**
 * Measures a ticket's clocks straight from the definitions in service-desk-input.md, on the desk
 * events and linked tweets that were written: independent of the pipeline's code on purpose, so the
 * two can be checked against each other.
 */
final class TruthClocks {

    private static final Set<String> RESOLVED_STATUSES = Set.of("solved", "closed");
    private static final Set<String> WAITING_STATUSES = Set.of("new", "open", "on-hold");

    private TruthClocks() {}

    /**
     * @param events the ticket's events in time order (same-second events in file order)
     * @param tweets the case's tweets: the customer's, all linked to the ticket, and the brand's
     *     replies to them
     * @param observationEnd end of the data (epoch second), or {@link Long#MAX_VALUE} when the data
     *     runs until every ticket is resolved
     */
    static CaseClocks measure(
            List<DeskEvent> events,
            List<GeneratedTweet> tweets,
            BusinessClock clock,
            long observationEnd) {
        DeskEvent firstEvent = events.get(0);
        GeneratedTweet firstPost = firstCustomerPost(tweets);
        boolean postFirst = firstPost != null && firstPost.time() < firstEvent.time();
        long openedAt = postFirst ? firstPost.time() : firstEvent.time();
        DeskChannel beganOn = postFirst ? DeskChannel.TWITTER : firstEvent.channel();

        Long firstReplyAt = firstReplyFrom(events, tweets, Long.MIN_VALUE);
        StatusHistory history = StatusHistory.of(events);
        Long stop = history.fullResolutionAt();
        if (stop == null && observationEnd != Long.MAX_VALUE) {
            stop = observationEnd;
        }
        CaseClocks.Duration wait = stop == null ? null : history.waiting(stop, clock);

        Long escalatedAt = beganOn.traditional() ? escalation(events, tweets) : null;
        CaseClocks.Duration beforeEscalation = null;
        CaseClocks.Duration toReply = null;
        CaseClocks.Duration toResolution = null;
        if (escalatedAt != null) {
            beforeEscalation = CaseClocks.Duration.between(openedAt, escalatedAt, clock);
            toReply =
                    CaseClocks.Duration.between(
                            escalatedAt, firstReplyFrom(events, tweets, escalatedAt), clock);
            Long resolution = history.fullResolutionAt();
            if (resolution != null && resolution >= escalatedAt) {
                toResolution = CaseClocks.Duration.between(escalatedAt, resolution, clock);
            }
        }
        return new CaseClocks(
                openedAt,
                beganOn,
                escalatedAt,
                firstReplyAt,
                history.firstResolutionAt(),
                history.fullResolutionAt(),
                CaseClocks.Duration.between(openedAt, firstReplyAt, clock),
                CaseClocks.Duration.between(openedAt, history.firstResolutionAt(), clock),
                CaseClocks.Duration.between(openedAt, history.fullResolutionAt(), clock),
                wait,
                history.reopens(),
                beforeEscalation,
                toReply,
                toResolution);
    }

    private static GeneratedTweet firstCustomerPost(List<GeneratedTweet> tweets) {
        GeneratedTweet first = null;
        for (GeneratedTweet tweet : tweets) {
            if (!tweet.byBrand() && (first == null || tweet.time() < first.time())) {
                first = tweet;
            }
        }
        return first;
    }

    /** The earliest agent reply event or public brand reply at or after {@code from}. */
    private static Long firstReplyFrom(
            List<DeskEvent> events, List<GeneratedTweet> tweets, long from) {
        long earliest = Long.MAX_VALUE;
        for (DeskEvent event : events) {
            if (event.type() == DeskEventType.AGENT_REPLY && event.time() >= from) {
                earliest = Math.min(earliest, event.time());
            }
        }
        for (GeneratedTweet tweet : tweets) {
            if (tweet.byBrand() && tweet.time() >= from) {
                earliest = Math.min(earliest, tweet.time());
            }
        }
        return earliest == Long.MAX_VALUE ? null : earliest;
    }

    /** The first linked customer post or event on a public social channel. */
    private static Long escalation(List<DeskEvent> events, List<GeneratedTweet> tweets) {
        long earliest = Long.MAX_VALUE;
        for (DeskEvent event : events) {
            if (event.channel() == DeskChannel.TWITTER) {
                earliest = Math.min(earliest, event.time());
            }
        }
        for (GeneratedTweet tweet : tweets) {
            if (!tweet.byBrand()) {
                earliest = Math.min(earliest, tweet.time());
            }
        }
        return earliest == Long.MAX_VALUE ? null : earliest;
    }

    /** The ticket's status over time, from the status rules of service-desk-input.md. */
    private record StatusHistory(
            long[] times,
            String[] statuses,
            Long firstResolutionAt,
            Long fullResolutionAt,
            int reopens) {

        static StatusHistory of(List<DeskEvent> events) {
            long[] times = new long[events.size()];
            String[] statuses = new String[events.size()];
            String status = null;
            Long firstResolution = null;
            Long lastResolution = null;
            int reopens = 0;
            for (int i = 0; i < events.size(); i++) {
                DeskEvent event = events.get(i);
                String next = statusAfter(event, status);
                boolean wasResolved = status != null && RESOLVED_STATUSES.contains(status);
                boolean isResolved = RESOLVED_STATUSES.contains(next);
                // "Became solved or closed": entering the pair from outside it; solved -> closed
                // is not a new resolution.
                if (isResolved && !wasResolved) {
                    lastResolution = event.time();
                    if (firstResolution == null) {
                        firstResolution = event.time();
                    }
                }
                if (wasResolved && !isResolved) {
                    reopens++;
                }
                status = next;
                times[i] = event.time();
                statuses[i] = status;
            }
            Long fullResolution =
                    status != null && RESOLVED_STATUSES.contains(status) ? lastResolution : null;
            return new StatusHistory(times, statuses, firstResolution, fullResolution, reopens);
        }

        /** Time spent new, open or on-hold from the first event until {@code stop}. */
        CaseClocks.Duration waiting(long stop, BusinessClock clock) {
            long seconds = 0;
            long business = 0;
            for (int i = 0; i < times.length; i++) {
                long from = times[i];
                long to = i + 1 < times.length ? Math.min(times[i + 1], stop) : stop;
                if (WAITING_STATUSES.contains(statuses[i]) && to > from) {
                    seconds += to - from;
                    business += clock.between(from, to);
                }
            }
            return new CaseClocks.Duration(seconds, business);
        }

        private static String statusAfter(DeskEvent event, String current) {
            return switch (event.type()) {
                case OPENED -> event.status() == null ? "new" : event.status();
                case STATUS_CHANGE -> event.status();
                case RESOLVED -> "solved";
                case REOPENED -> "open";
                case CLOSED -> "closed";
                case CUSTOMER_CONTACT, AGENT_REPLY ->
                        event.status() == null ? current : event.status();
            };
        }
    }
}
