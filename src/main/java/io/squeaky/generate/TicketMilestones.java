package io.squeaky.generate;

import java.util.SplittableRandom;

/**
 * The instants (epoch seconds) that shape a ticket's life, drawn so that its status-changing events
 * fall on distinct seconds in a fixed order: customer's first contact <= ticket opened < first
 * reply < first resolution [< reopened < final resolution] < closed.
 *
 * @param opened the customer's first contact: the ticket's opening, or for a twitter-first case the
 *     tweet the ticket is opened from
 * @param ticketOpened the ticket's OPENED event
 * @param firstAgentReply the first agent reply on the first channel
 * @param reopenedAt the REOPENED event, 0 when the ticket is solved once
 * @param escalationTweet the customer's tweet at the brand, 0 when the case does not escalate
 * @param publicReply the brand's public reply to that tweet, 0 when the case does not escalate
 */
record TicketMilestones(
        long opened,
        long ticketOpened,
        long firstAgentReply,
        long firstResolution,
        long reopenedAt,
        long fullResolution,
        long escalationTweet,
        long publicReply,
        long closedAt) {

    private static final double FIRST_REPLY_MEDIAN_SECONDS = 2 * 3600;
    private static final double PUBLIC_REPLY_MEDIAN_SECONDS = 15 * 60;
    private static final double DELAY_SIGMA = 1.0;
    private static final long DAY = 86_400;

    /**
     * Draws the milestones of a case opened at {@code opened} and fully resolved {@code resolution}
     * seconds later ({@link HazardModel#MINIMUM_RESOLUTION_SECONDS} at least, which leaves room for
     * every gap below). A twitter-first ticket opens before {@code dataEnd} so that its opening
     * tweet never appears in the data without its ticket.
     */
    static TicketMilestones draw(
            long opened,
            long resolution,
            boolean twitterFirst,
            boolean escalated,
            boolean reopened,
            long dataEnd,
            SplittableRandom random) {
        long full = opened + resolution;
        long firstResolution =
                reopened ? opened + Math.round(Draws.uniform(random, 0.3, 0.8) * resolution) : full;
        long reopenedAt =
                reopened
                        ? firstResolution
                                + Math.max(
                                        1,
                                        Math.round(
                                                (full - firstResolution)
                                                        * Draws.uniform(random, 0.05, 0.5)))
                        : 0;
        long ticketOpened = opened;
        if (twitterFirst) {
            long minutesLater = Math.round(Draws.uniform(random, 60, 600));
            long latest = Math.min((firstResolution - opened) / 4, dataEnd - 1 - opened);
            ticketOpened = opened + Math.max(0, Math.min(minutesLater, latest));
        }
        long agentReply =
                ticketOpened
                        + Math.round(
                                Draws.logNormal(random, FIRST_REPLY_MEDIAN_SECONDS, DELAY_SIGMA));
        if (agentReply <= ticketOpened || agentReply >= firstResolution) {
            agentReply = Draws.secondBetween(random, ticketOpened, firstResolution);
        }
        long escalationTweet = 0;
        long publicReply = 0;
        if (escalated) {
            escalationTweet =
                    opened + Math.max(1, Math.round(Draws.uniform(random, 0.15, 0.6) * resolution));
            long delay =
                    Math.round(Draws.logNormal(random, PUBLIC_REPLY_MEDIAN_SECONDS, DELAY_SIGMA));
            publicReply =
                    escalationTweet + Math.max(1, Math.min(delay, (full - escalationTweet) / 2));
        }
        long closedAt = full + random.nextLong(DAY, 3 * DAY + 1);
        return new TicketMilestones(
                opened,
                ticketOpened,
                agentReply,
                firstResolution,
                reopenedAt,
                full,
                escalationTweet,
                publicReply,
                closedAt);
    }

    /** The first reply of any kind: an agent's on the first channel or the brand's public one. */
    long firstReply() {
        return escalationTweet == 0 ? firstAgentReply : Math.min(firstAgentReply, publicReply);
    }

    boolean reopened() {
        return reopenedAt != 0;
    }
}
