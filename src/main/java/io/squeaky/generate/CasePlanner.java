package io.squeaky.generate;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Plans one case from its arrival: the customer, the first channel, whether the customer would go
 * public, the first reply and resolution drawn from the hazard model over the case's pressure, and
 * every desk event and tweet of the ticket's life.
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
        boolean wouldEscalate = first.traditional() && Draws.chance(random, escalationRate);
        BusinessClock clock = brands.clock(arrival.brand());
        boolean offHours = !clock.schedule().isOpen(Instant.ofEpochSecond(arrival.openedAt()));
        double fixedRatio = hazard.fixedRatio(customer.followers(), arrival.storm());
        boolean reopened = Draws.chance(random, reopenRate);
        TicketMilestones at =
                TicketMilestones.draw(
                        arrival.openedAt(),
                        !first.traditional(),
                        wouldEscalate,
                        reopened,
                        dataEnd,
                        hazard,
                        fixedRatio,
                        clock.schedule(),
                        random);
        boolean escalated = at.escalationTweet() != 0;
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
            if (!at.publicFirstReply()) {
                ticket.event(DeskEventType.AGENT_REPLY, first, null, at.firstReply(), null);
            }
        } else {
            openFromTweet(ticket, brand, at);
        }
        if (escalated) {
            publicThread(
                    ticket,
                    at.escalationTweet(),
                    ComplaintTexts.escalation(brand.handle(), ticketId, random),
                    at,
                    at.publicReply(),
                    true);
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
                wouldEscalate,
                escalated,
                offHours,
                fixedRatio,
                at.fullResolution() - at.opened(),
                at.reopened(),
                ticket.sortedEvents(),
                ticket.sortedTweets());
    }

    /**
     * A twitter-first case: the customer's complaint, the ticket opened from it minutes later, the
     * customer's further posts, and the brand's public reply, which the desk logs as the first
     * agent reply.
     */
    private void openFromTweet(TicketDraft ticket, DeskBrand brand, TicketMilestones at) {
        GeneratedTweet opening =
                publicThread(
                        ticket,
                        at.opened(),
                        ComplaintTexts.firstComplaint(brand.handle(), random),
                        at,
                        at.firstReply(),
                        false);
        ticket.event(
                DeskEventType.OPENED,
                DeskChannel.TWITTER,
                "new",
                at.ticketOpened(),
                String.valueOf(opening.id()));
    }

    /**
     * The customer's public thread: the tweet that makes the case public, each further post
     * replying to the one before, and the brand's public reply at {@code replyAt} to the latest
     * post before it, logged by the desk as an agent reply on Twitter (with the answered post when
     * {@code withPosts}). Returns the first tweet.
     */
    private GeneratedTweet publicThread(
            TicketDraft ticket,
            long firstAt,
            String firstText,
            TicketMilestones at,
            long replyAt,
            boolean withPosts) {
        GeneratedTweet first = ticket.customerTweet(firstAt, firstText, null);
        GeneratedTweet latest = first;
        boolean answered = false;
        for (long nudge : at.nudges()) {
            if (!answered && nudge >= replyAt) {
                answer(ticket, latest, replyAt, withPosts);
                answered = true;
            }
            latest =
                    ticket.customerTweet(
                            nudge, ComplaintTexts.nudge(ticket.brandHandle(), random), latest);
        }
        if (!answered) {
            answer(ticket, latest, replyAt, withPosts);
        }
        return first;
    }

    private void answer(
            TicketDraft ticket, GeneratedTweet answered, long replyAt, boolean withPosts) {
        GeneratedTweet answer = ticket.brandReply(replyAt, answered);
        ticket.event(
                DeskEventType.AGENT_REPLY,
                DeskChannel.TWITTER,
                null,
                replyAt,
                withPosts ? answered.id() + ";" + answer.id() : String.valueOf(answer.id()));
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
