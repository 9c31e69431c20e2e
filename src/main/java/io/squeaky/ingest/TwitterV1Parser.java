package io.squeaky.ingest;

import static io.squeaky.ingest.JsonFields.count;
import static io.squeaky.ingest.JsonFields.firstText;
import static io.squeaky.ingest.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squeaky.records.Post;
import io.squeaky.records.SourceRecord;
import java.util.function.Consumer;

/**
 * Reads Twitter API v1.1 tweet objects, one a line (streaming API and archive dumps). The text is
 * {@code extended_tweet.full_text} when the tweet was truncated, else {@code full_text} or {@code
 * text}; reach is {@code user.followers_count} as the payload captured it. Stream control messages
 * ({@code delete}, {@code limit}) are not tweets and go to rejects with that reason.
 */
public final class TwitterV1Parser implements RecordParser {

    public static final String FORMAT = "twitter-v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostFactory factory;

    public TwitterV1Parser(PostFactory factory) {
        this.factory = factory;
    }

    @Override
    public void parse(RawRecord record, Consumer<SourceRecord> out) {
        if (record.text().isBlank()) {
            return;
        }
        JsonNode tweet;
        try {
            tweet = JSON.readTree(record.text());
        } catch (JsonProcessingException e) {
            out.accept(factory.reject(record, FORMAT, "malformed JSON: " + e.getOriginalMessage()));
            return;
        }
        if (tweet == null || !tweet.isObject()) {
            out.accept(factory.reject(record, FORMAT, "not a JSON object"));
            return;
        }
        if (tweet.has("delete") || tweet.has("limit") || tweet.has("scrub_geo")) {
            out.accept(factory.reject(record, FORMAT, "stream control message, not a tweet"));
            return;
        }
        String id = firstText(tweet, "id_str", "id");
        JsonNode user = tweet.get("user");
        String authorId = firstText(user, "id_str", "id");
        String createdAt = text(tweet, "created_at");
        String handle = text(user, "screen_name");
        if (id == null || authorId == null || createdAt == null) {
            String missing =
                    id == null ? "id_str" : authorId == null ? "user.id_str" : "created_at";
            out.accept(
                    factory.reject(record, FORMAT, "tweet without " + missing, handle, authorId));
            return;
        }
        long created;
        try {
            created = TwitterTime.parseClassic(createdAt);
        } catch (IllegalArgumentException e) {
            out.accept(factory.reject(record, FORMAT, e.getMessage(), handle, authorId));
            return;
        }
        JsonNode extended = tweet.get("extended_tweet");
        String fullText = firstText(extended, "full_text");
        if (fullText == null) {
            fullText = firstText(tweet, "full_text", "text");
        }
        Post.Builder post =
                PostFactory.newPost(FORMAT)
                        .setPostId(id)
                        .setParentPostId(firstText(tweet, "in_reply_to_status_id_str"))
                        .setRetweetOf(firstText(tweet.get("retweeted_status"), "id_str", "id"))
                        .setQuoteOf(firstText(tweet, "quoted_status_id_str"))
                        .setAuthorId(authorId)
                        .setAuthorHandle(handle)
                        .setCreatedAt(created)
                        .setLanguage(text(tweet, "lang"))
                        .setAuthorFollowers(count(user, "followers_count"))
                        .setRetweetCount(count(tweet, "retweet_count"))
                        .setReplyCount(count(tweet, "reply_count"))
                        .setLikeCount(count(tweet, "favorite_count"))
                        .setQuoteCount(count(tweet, "quote_count"))
                        .setText(fullText);
        out.accept(factory.accept(post, factory.registeredBrand(handle)));
    }
}
