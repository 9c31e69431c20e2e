package io.squeaky.flink;

/**
 * Names of the job's accumulators, which also name its metrics. They reconcile: read = accepted +
 * rejected + blank + late, where the "posts" counters count ticket events too; the ticket events
 * among them are counted again on their own.
 */
public final class Counters {

    public static final String READ = "posts-read";
    public static final String ACCEPTED = "posts-accepted";
    public static final String REJECTED = "records-rejected";
    public static final String LATE = "posts-late";
    public static final String EVENTS_READ = "ticket-events-read";
    public static final String EVENTS_ACCEPTED = "ticket-events-accepted";
    public static final String EVENT_TIME_REACHED = "event-time-reached";
    public static final String BLANK = "rows-blank";
    public static final String DUPLICATES = "posts-duplicate";
    public static final String DUPLICATE_EVENTS = "items-duplicate-in-case";
    public static final String RETWEETS = "posts-retweet";
    public static final String MENTION_INFERRED = "replies-linked-by-mention";
    public static final String NOT_CUSTOMER_TRAFFIC = "brand-posts-not-replying-to-customers";
    public static final String UNATTRIBUTED = "customer-posts-without-brand";
    public static final String UNPLACED_REPLIES = "brand-replies-outside-cases";
    public static final String CASES = "cases-written";
    public static final String WATERMARK_LAG = "watermark-lag-ms";
    public static final String CASE_CLOSE_LATENCY = "case-close-latency-ms";
    public static final String EXCHANGES = "exchanges-written";
    public static final String LATE_FOR_STATISTICS = "cases-late-for-statistics";
    public static final String STATISTICS_PERIODS = "brand-periods-summarised";
    public static final String PROVISIONAL_PERIODS = "brand-periods-provisional";
    public static final String PROVISIONAL_AS_OF = "provisional-as-of";
    public static final String INTERVALS_LATE_FOR_EFFECTS = "case-intervals-late-for-effects";

    private Counters() {}
}
