package io.squeaky.generate;

/**
 * One tweet of a case, by the customer or by the brand's support account.
 *
 * @param repliedTo the id of the tweet it answers, or 0 for a conversation's first tweet
 * @param inReplyTo the author of the tweet it answers, or null
 * @param mentioned the username it @mentions first (its text starts with it)
 */
record GeneratedTweet(
        long id,
        long time,
        TwitterAccount author,
        boolean byBrand,
        String text,
        long conversationId,
        long repliedTo,
        TwitterAccount inReplyTo,
        String mentioned,
        PublicMetrics metrics)
        implements Timed {

    /** Counts as a collector would have captured them some time after posting. */
    record PublicMetrics(int retweets, int replies, int likes, int quotes) {}

    /** The tweet object of a v2 page's {@code data} array. */
    void appendJson(StringBuilder out, IsoTimestamps timestamps) {
        out.append("{\"id\":\"").append(id).append("\",\"text\":");
        Json.appendQuoted(out, text);
        out.append(",\"author_id\":\"").append(author.id()).append("\",\"created_at\":\"");
        timestamps.appendMillis(out, time);
        out.append("\",\"conversation_id\":\"")
                .append(conversationId)
                .append("\",\"lang\":\"en\",\"public_metrics\":{\"retweet_count\":")
                .append(metrics.retweets())
                .append(",\"reply_count\":")
                .append(metrics.replies())
                .append(",\"like_count\":")
                .append(metrics.likes())
                .append(",\"quote_count\":")
                .append(metrics.quotes())
                .append('}');
        if (repliedTo != 0) {
            out.append(",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"")
                    .append(repliedTo)
                    .append("\"}],\"in_reply_to_user_id\":\"")
                    .append(inReplyTo.id())
                    .append('"');
        }
        out.append(",\"entities\":{\"mentions\":[{\"start\":0,\"end\":")
                .append(mentioned.length() + 1)
                .append(",\"username\":\"")
                .append(mentioned)
                .append("\"}]}}");
    }
}
