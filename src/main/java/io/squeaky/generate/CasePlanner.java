package io.squeaky.generate;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Plans one case from its arrival: the customer, the first channel, escalation, the planted
 * resolution time from the hazard model, and every desk event and tweet of the ticket's life.
 */
final class CasePlanner {

    private static final double FOLLOWERS_MEDIAN = 150;
    private static final double FOLLOWERS_SIGMA = 2.0;
    private static final long FOLLOWERS_MAX = 150_000_000;
    private static final double ANSWER_MEDIAN_SECONDS = 3600;
    private static final double ANSWER_SIGMA = 1.0;
    private static final double ANSWERED_CONTACT_SHARE = 0.5;
    private static final double PENDING_SHARE = 0.25;
    private static final double ON_HOLD_SHARE = 0.10;
    private static final double REPLY_AFTER_REOPEN_SHARE = 0.7;
    private static final long DAY = 86_400;

    private final BrandSetup brands;
    private final HazardModel hazard;
    private final double escalationRate;
    private final double reopenRate;
    private final long dataEnd;
    private final long observationEnd;
    private final SplittableRandom random;

    CasePlanner(BrandSetup brands, CrossChannelSettings settings, SplittableRandom random) {
        this.brands = brands;
        this.hazard = settings.hazard();
        this.escalationRate = settings.escalationRate();
        this.reopenRate = settings.reopenRate();
        this.dataEnd = settings.dataEnd();
        this.observationEnd = settings.censoring() ? dataEnd : Long.MAX_VALUE;
        this.random = random;
    }

    CaseScript plan(Arrival arrival) {
        DeskBrand brand = brands.brand(arrival.brand());
        String ticketId = String.valueOf(10_000_001L + arrival.index());
        String customerId = String.valueOf(50_000_001L + arrival.index());
        TwitterAccount customer =
                new TwitterAccount(
                        String.valueOf(3_100_000_000_000_000_000L + arrival.index()),
                        "cust" + customerId,
                        "Customer " + customerId,
                        followers());
        DeskChannel first = DeskChannel.drawFirstContact(random);
        boolean escalated = first.traditional() && Draws.chance(random, escalationRate);
        boolean offHours =
                !brands.clock(arrival.brand())
                        .schedule()
                        .isOpen(Instant.ofEpochSecond(arrival.openedAt()));
        double hazardRatio =
                hazard.hazardRatio(escalated, customer.followers(), offHours, arrival.storm());
        long resolution = hazard.resolutionSeconds(hazardRatio, random);
        boolean reopened = Draws.chance(random, reopenRate);
        TicketMilestones at =
                TicketMilestones.draw(
                        arrival.openedAt(),
                        resolution,
                        !first.traditional(),
                        escalated,
                        reopened,
                        dataEnd,
                        random);
        long firstTweet =
                first.traditional()
                        ? (escalated ? at.escalationTweet() : Long.MAX_VALUE)
                        : at.opened();
        // The desk exports at the data end, knowing the handles customers have used by then.
        String socialHandle = firstTweet < observationEnd ? customer.username() : null;
        TicketDraft ticket =
                new TicketDraft(
                        arrival.index(),
                        ticketId,
                        brand,
                        customerId,
                        customer,
                        socialHandle,
                        random);

        if (first.traditional()) {
            ticket.event(DeskEventType.OPENED, first, "new", at.opened(), null);
            ticket.event(DeskEventType.AGENT_REPLY, first, null, at.firstAgentReply(), null);
        } else {
            openFromTweet(ticket, brand, at);
        }
        if (escalated) {
            GeneratedTweet complaint =
                    ticket.customerTweet(
                            at.escalationTweet(),
                            ComplaintTexts.escalation(brand.handle(), ticketId, random),
                            null);
            GeneratedTweet answer = ticket.brandReply(at.publicReply(), complaint);
            ticket.event(
                    DeskEventType.AGENT_REPLY,
                    DeskChannel.TWITTER,
                    null,
                    at.publicReply(),
                    complaint.id() + ";" + answer.id());
        }
        ticket.event(DeskEventType.STATUS_CHANGE, first, "open", at.firstReply(), null);
        customerContacts(ticket, first, at);
        waitingSpans(ticket, first, at);
        ticket.event(DeskEventType.RESOLVED, first, "solved", at.firstResolution(), null);
        if (at.reopened()) {
            ticket.event(DeskEventType.REOPENED, first, "open", at.reopenedAt(), null);
            if (Draws.chance(random, REPLY_AFTER_REOPEN_SHARE)) {
                ticket.optionalEvent(
                        DeskEventType.AGENT_REPLY,
                        first,
                        Draws.secondBetween(random, at.reopenedAt(), at.fullResolution()));
            }
            ticket.event(DeskEventType.RESOLVED, first, "solved", at.fullResolution(), null);
        }
        ticket.event(DeskEventType.CLOSED, first, "closed", at.closedAt(), null);

        return new CaseScript(
                arrival,
                ticketId,
                customerId,
                customer,
                socialHandle,
                first,
                escalated,
                offHours,
                hazardRatio,
                resolution,
                reopened,
                ticket.sortedEvents(),
                ticket.sortedTweets());
    }

    /**
     * A twitter-first case: the customer's complaint, the ticket opened from it minutes later,
     * perhaps a nudge or two, and the brand's public reply, which the desk logs as the first agent
     * reply.
     */
    private void openFromTweet(TicketDraft ticket, DeskBrand brand, TicketMilestones at) {
        GeneratedTweet opening =
                ticket.customerTweet(
                        at.opened(), ComplaintTexts.firstComplaint(brand.handle(), random), null);
        ticket.event(
                DeskEventType.OPENED,
                DeskChannel.TWITTER,
                "new",
                at.ticketOpened(),
                String.valueOf(opening.id()));
        GeneratedTweet latest = opening;
        int nudges = random.nextInt(10) < 6 ? 0 : random.nextInt(2) + 1;
        if (at.firstAgentReply() - at.opened() >= 2) {
            long[] times = new long[nudges];
            for (int i = 0; i < nudges; i++) {
                times[i] = Draws.secondBetween(random, at.opened(), at.firstAgentReply());
            }
            Arrays.sort(times);
            for (long time : times) {
                latest =
                        ticket.customerTweet(
                                time, ComplaintTexts.nudge(brand.handle(), random), latest);
            }
        }
        GeneratedTweet answer = ticket.brandReply(at.firstAgentReply(), latest);
        ticket.event(
                DeskEventType.AGENT_REPLY,
                DeskChannel.TWITTER,
                null,
                at.firstAgentReply(),
                String.valueOf(answer.id()));
    }

    /**
     * The customer chasing on the first channel while the ticket is unsolved, more often the longer
     * it drags on; an agent answers some of the contacts that come after the first reply.
     */
    private void customerContacts(TicketDraft ticket, DeskChannel channel, TicketMilestones at) {
        long from = at.ticketOpened();
        long until = at.firstResolution();
        int contacts = random.nextInt(2 + (int) Math.min(2, (until - from) / DAY));
        for (int i = 0; i < contacts; i++) {
            long contact = Draws.secondBetween(random, from, until);
            ticket.optionalEvent(DeskEventType.CUSTOMER_CONTACT, channel, contact);
            if (contact > at.firstReply() && Draws.chance(random, ANSWERED_CONTACT_SHARE)) {
                long answer =
                        contact
                                + Math.max(
                                        1,
                                        Math.round(
                                                Draws.logNormal(
                                                        random,
                                                        ANSWER_MEDIAN_SECONDS,
                                                        ANSWER_SIGMA)));
                if (answer < until) {
                    ticket.optionalEvent(DeskEventType.AGENT_REPLY, channel, answer);
                }
            }
        }
    }

    /**
     * Sometimes a pending span (waiting on the customer, which requester wait excludes) and an
     * on-hold span (waiting on a third party, which it includes) between the first reply and the
     * first resolution, each ended by a change back to open.
     */
    private void waitingSpans(TicketDraft ticket, DeskChannel channel, TicketMilestones at) {
        boolean pending = Draws.chance(random, PENDING_SHARE);
        boolean onHold = Draws.chance(random, ON_HOLD_SHARE);
        boolean pendingFirst = random.nextBoolean();
        int points = (pending ? 2 : 0) + (onHold ? 2 : 0);
        long from = at.firstReply();
        long until = at.firstResolution();
        if (points == 0 || until - from <= points + 1) {
            return;
        }
        long[] times = new long[points];
        for (int i = 0; i < points; i++) {
            times[i] = Draws.secondBetween(random, from, until);
        }
        Arrays.sort(times);
        for (int i = 1; i < points; i++) {
            if (times[i] == times[i - 1]) {
                return;
            }
        }
        String[] statuses =
                pending && onHold
                        ? (pendingFirst
                                ? new String[] {"pending", "on-hold"}
                                : new String[] {"on-hold", "pending"})
                        : new String[] {pending ? "pending" : "on-hold"};
        for (int span = 0; span < statuses.length; span++) {
            ticket.event(
                    DeskEventType.STATUS_CHANGE, channel, statuses[span], times[2 * span], null);
            ticket.event(DeskEventType.STATUS_CHANGE, channel, "open", times[2 * span + 1], null);
        }
    }

    /** Log-normal reach: a median of 150 followers and a tail into the millions. */
    private long followers() {
        return Math.min(
                FOLLOWERS_MAX, (long) Draws.logNormal(random, FOLLOWERS_MEDIAN, FOLLOWERS_SIGMA));
    }
}
