package io.squeaky.generate;

/**
 * A ticket's true clocks, as service-desk-input.md defines them, measured on the events and tweets
 * written for it. Instants are epoch seconds; a null means the data does not define it.
 */
record CaseClocks(
        long openedAt,
        DeskChannel beganOn,
        Long escalatedAt,
        Long firstReplyAt,
        Long firstResolutionAt,
        Long fullResolutionAt,
        Duration firstReply,
        Duration firstResolution,
        Duration fullResolution,
        Duration requesterWait,
        int reopens,
        Duration waitBeforeEscalation,
        Duration escalationToFirstReply,
        Duration escalationToResolution) {

    /** Calendar and business seconds of one clock. */
    record Duration(long seconds, long businessSeconds) {

        static Duration between(long from, Long to, BusinessClock clock) {
            return to == null ? null : new Duration(to - from, clock.between(from, to));
        }
    }
}
