package io.squeaky.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Collects one ticket's desk events and tweets while the planner lays them out. */
final class TicketDraft {

    /** Bits of a tweet id below the posting time: the case number and the tweet's number in it. */
    private static final int CASE_BITS = 33;

    private static final int TWEETS_PER_CASE = 8;

    private static final long TWITTER_EPOCH_SECOND =
            CrossChannelSettings.TWITTER_EPOCH.getEpochSecond();

    private static final Comparator<DeskEvent> EVENT_ORDER =
            Comparator.comparingLong(DeskEvent::time).thenComparing(DeskEvent::type);

    private static final Comparator<GeneratedTweet> TWEET_ORDER =
            Comparator.comparingLong(GeneratedTweet::time);

    private final int caseIndex;
    private final String ticketId;
    private final DeskBrand brand;
    private final String customerId;
    private final TwitterAccount customer;
    private final String socialHandle;
    private final SplittableRandom random;
    private final List<DeskEvent> events = new ArrayList<>(16);
    private final List<GeneratedTweet> tweets = new ArrayList<>(4);

    TicketDraft(
            int caseIndex,
            String ticketId,
            DeskBrand brand,
            String customerId,
            TwitterAccount customer,
            String socialHandle,
            SplittableRandom random) {
        this.caseIndex = caseIndex;
        this.ticketId = ticketId;
        this.brand = brand;
        this.customerId = customerId;
        this.customer = customer;
        this.socialHandle = socialHandle;
        this.random = random;
    }

    void event(DeskEventType type, DeskChannel channel, String status, long time, String postIds) {
        events.add(
                new DeskEvent(
                        ticketId,
                        brand.name(),
                        customerId,
                        socialHandle,
                        channel,
                        type,
                        status,
                        time,
                        postIds));
    }

    /**
     * Adds an event without status or posts, unless the ticket already has one of that type on that
     * channel at that second: identical rows are what the duplicate noise writes, so the data must
     * not hold any by chance.
     */
    void optionalEvent(DeskEventType type, DeskChannel channel, long time) {
        for (DeskEvent e : events) {
            if (e.type() == type && e.channel() == channel && e.time() == time) {
                return;
            }
        }
        event(type, channel, null, time, null);
    }

    String brandHandle() {
        return brand.handle();
    }

    /** A customer tweet at the brand, starting a conversation or continuing {@code previous}. */
    GeneratedTweet customerTweet(long time, String text, GeneratedTweet previous) {
        int reach = (int) Math.min(customer.followers(), Integer.MAX_VALUE);
        GeneratedTweet.PublicMetrics metrics =
                new GeneratedTweet.PublicMetrics(
                        random.nextInt(1 + Math.min(40, reach / 500)),
                        random.nextInt(3),
                        random.nextInt(1 + Math.min(200, reach / 100)),
                        reach > 10_000 ? random.nextInt(4) : 0);
        long id = tweetId(time);
        boolean reply = previous != null;
        GeneratedTweet tweet =
                new GeneratedTweet(
                        id,
                        time,
                        customer,
                        false,
                        text,
                        reply ? previous.conversationId() : id,
                        reply ? previous.id() : 0,
                        reply ? customer : null,
                        brand.handle(),
                        metrics);
        tweets.add(tweet);
        return tweet;
    }

    /** The brand's public answer to a customer tweet. */
    GeneratedTweet brandReply(long time, GeneratedTweet answered) {
        GeneratedTweet tweet =
                new GeneratedTweet(
                        tweetId(time),
                        time,
                        brand.support(),
                        true,
                        ComplaintTexts.brandReply(customer.username(), random),
                        answered.conversationId(),
                        answered.id(),
                        customer,
                        customer.username(),
                        new GeneratedTweet.PublicMetrics(0, 0, random.nextInt(5), 0));
        tweets.add(tweet);
        return tweet;
    }

    /** Events in the order they happened, same-second events in life-cycle order. */
    List<DeskEvent> sortedEvents() {
        events.sort(EVENT_ORDER);
        return List.copyOf(events);
    }

    List<GeneratedTweet> sortedTweets() {
        tweets.sort(TWEET_ORDER);
        return List.copyOf(tweets);
    }

    /**
     * Twitter-like ids: the posting second in the high bits makes them grow with time, the case and
     * tweet numbers below keep them unique.
     */
    private long tweetId(long time) {
        if (tweets.size() >= TWEETS_PER_CASE) {
            throw new IllegalStateException("more tweets in one case than ids reserved for it");
        }
        long serial = (long) caseIndex * TWEETS_PER_CASE + tweets.size();
        return ((time - TWITTER_EPOCH_SECOND) << CASE_BITS) | serial;
    }
}
