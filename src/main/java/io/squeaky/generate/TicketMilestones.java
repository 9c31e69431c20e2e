package io.squeaky.generate;

import io.squeaky.clock.BusinessSchedule;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The instants (epoch seconds) that shape a ticket's life, drawn so that its status-changing events
 * fall on distinct seconds in a fixed order: customer's first contact <= ticket opened < first
 * reply < first resolution [< reopened < final resolution] < closed.
 *
 * <p>The order of the draws is the data-generating process of {@link HazardModel}: what the
 * customer will do (when they would go public, when they would post again) is drawn first, from
 * nothing that comes later; then the full resolution and the first reply, each by inversion of its
 * cumulative hazard over that pressure timeline ({@link PressureTimeline}). A customer who would go
 * public after the resolution never does, which is why escalated tickets are the ones that waited:
 * the immortal time a comparison from the open credits them with.
 *
 * @param opened the customer's first contact: the ticket's opening, or for a twitter-first case the
 *     tweet the ticket is opened from
 * @param ticketOpened the ticket's OPENED event
 * @param firstReply the first reply: an agent's on the first channel, or the brand's public reply
 *     once the case is public
 * @param publicFirstReply whether that first reply is the brand's public one on Twitter
 * @param reopenedAt the REOPENED event, 0 when the ticket is solved once
 * @param escalationTweet the customer's tweet at the brand, 0 when the case does not escalate
 * @param publicReply the brand's public reply to the escalation tweet, 0 when the case does not
 *     escalate
 * @param nudges the customer's further posts after going public, before the resolution
 */
record TicketMilestones(
        long opened,
        long ticketOpened,
        long firstReply,
        boolean publicFirstReply,
        long firstResolution,
        long reopenedAt,
        long fullResolution,
        long escalationTweet,
        long publicReply,
        long[] nudges,
        long closedAt) {

    private static final double PUBLIC_REPLY_MEDIAN_SECONDS = 15 * 60;
    private static final double DELAY_SIGMA = 1.0;
    private static final long DAY = 86_400;
    private static final long POSTING_DAYS = 120;

    /**
     * The most posts a customer makes in one case: tweet ids leave room for eight tweets a case,
     * and the brand's public reply takes one.
     */
    static final int MAX_POSTS = 7;

    /**
     * Draws the milestones of a case opened at {@code opened}. A twitter-first ticket opens before
     * {@code dataEnd} so that its opening tweet never appears in the data without its ticket.
     *
     * @param fixedRatio the case's hazard ratio fixed at the open (reach, storm)
     */
    static TicketMilestones draw(
            long opened,
            boolean twitterFirst,
            boolean willEscalate,
            boolean reopened,
            long dataEnd,
            HazardModel model,
            double fixedRatio,
            BusinessSchedule schedule,
            SplittableRandom random) {
        long plannedEscalation =
                willEscalate
                        ? opened
                                + Math.max(
                                        1,
                                        Math.round(
                                                exponential(
                                                        random,
                                                        model.escalationMedianHours() * 3600)))
                        : 0;
        long publicAt = twitterFirst ? opened : willEscalate ? plannedEscalation : Long.MAX_VALUE;
        long[] posts = posts(publicAt, model, random);
        PressureTimeline pressure =
                new PressureTimeline(opened, publicAt, posts, fixedRatio, schedule, model);
        long full =
                Math.max(
                        opened + HazardModel.MINIMUM_RESOLUTION_SECONDS,
                        Math.round(
                                pressure.eventTime(
                                        model.resolutionHazard(),
                                        Draws.standardExponential(random))));
        long reply =
                Math.round(
                        pressure.eventTime(
                                model.firstReplyHazard(), Draws.standardExponential(random)));
        // The brand replies before it resolves: a reply drawn later comes with the resolution.
        // Both hazards carry the same pressure ratios, so the first of the two keeps them.
        reply = Math.max(opened + 1, Math.min(reply, full - 1));

        boolean escalated = willEscalate && plannedEscalation < full - 1;
        long escalationTweet = escalated ? plannedEscalation : 0;
        boolean isPublicAtReply = twitterFirst || (escalated && reply >= escalationTweet);
        if (escalated && reply == escalationTweet) {
            reply++;
        }
        long[] nudges =
                twitterFirst || escalated
                        ? Arrays.stream(posts).skip(1).filter(at -> at < full).toArray()
                        : new long[0];

        long ticketOpened = opened;
        if (twitterFirst) {
            long secondsLater = Math.round(Draws.uniform(random, 60, 600));
            long latest = Math.min((reply - opened) / 2, dataEnd - 1 - opened);
            ticketOpened = opened + Math.max(0, Math.min(secondsLater, latest));
        }
        long publicReply = 0;
        if (escalated) {
            long delay =
                    Math.round(Draws.logNormal(random, PUBLIC_REPLY_MEDIAN_SECONDS, DELAY_SIGMA));
            publicReply =
                    isPublicAtReply
                            ? reply
                            : escalationTweet
                                    + Math.max(1, Math.min(delay, (full - escalationTweet) / 2));
        }
        long firstResolution = full;
        long reopenedAt = 0;
        if (reopened && full - reply >= 4) {
            long drawn = opened + Math.round(Draws.uniform(random, 0.3, 0.8) * (full - opened));
            firstResolution = Math.min(full - 2, Math.max(reply + 1, drawn));
            // Reopened within two days of the solve: a solved ticket no longer holds the
            // customer's activity open, and a longer quiet would start a new session.
            long gap = Math.round((full - firstResolution) * Draws.uniform(random, 0.05, 0.5));
            reopenedAt = firstResolution + Math.max(1, Math.min(gap, 2 * DAY));
        }
        long closedAt = full + random.nextLong(DAY, 3 * DAY + 1);
        return new TicketMilestones(
                opened,
                ticketOpened,
                reply,
                isPublicAtReply,
                firstResolution,
                reopenedAt,
                full,
                escalationTweet,
                publicReply,
                nudges,
                closedAt);
    }

    /**
     * The customer's posts once public: the first when the case goes public, then a Poisson stream,
     * drawn without regard to anything that happens later (posts after the resolution are dropped).
     */
    private static long[] posts(long publicAt, HazardModel model, SplittableRandom random) {
        if (publicAt == Long.MAX_VALUE) {
            return new long[0];
        }
        long until = publicAt + POSTING_DAYS * DAY;
        long[] posts = new long[MAX_POSTS];
        int n = 0;
        long at = publicAt;
        while (at < until && n < MAX_POSTS) {
            posts[n++] = at;
            at += Math.max(1, Math.round(exponentialMean(random, model.meanPostGapSeconds())));
        }
        return Arrays.copyOf(posts, n);
    }

    private static double exponential(SplittableRandom random, double median) {
        return Draws.standardExponential(random) * median / StrictMath.log(2);
    }

    private static double exponentialMean(SplittableRandom random, double mean) {
        return Draws.standardExponential(random) * mean;
    }

    boolean reopened() {
        return reopenedAt != 0;
    }
}
