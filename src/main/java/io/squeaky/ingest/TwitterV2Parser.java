package io.squeaky.ingest;

import static io.squeaky.ingest.JsonFields.count;
import static io.squeaky.ingest.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squeaky.records.Post;
import io.squeaky.records.SourceRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads Twitter API v2 responses, one JSON object a line: search or timeline pages whose {@code
 * data} is an array (as twarc saves them) and filtered-stream messages whose {@code data} is one
 * tweet. Authors, their handles and follower counts come from {@code includes.users}; the parent
 * from the {@code replied_to} entry of {@code referenced_tweets}. Tweets only present in {@code
 * includes.tweets} are context, not posts of the collection, and are not emitted.
 */
public final class TwitterV2Parser implements RecordParser {

    public static final String FORMAT = "twitter-v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostFactory factory;

    public TwitterV2Parser(PostFactory factory) {
        this.factory = factory;
    }

    @Override
    public void parse(RawRecord record, Consumer<SourceRecord> out) {
        if (record.text().isBlank()) {
            return;
        }
        JsonNode page;
        try {
            page = JSON.readTree(record.text());
        } catch (JsonProcessingException e) {
            out.accept(factory.reject(record, FORMAT, "malformed JSON: " + e.getOriginalMessage()));
            return;
        }
        JsonNode data = page == null ? null : page.get("data");
        if (data == null || !(data.isArray() || data.isObject())) {
            if (page != null && page.path("meta").path("result_count").asLong(-1) == 0) {
                return;
            }
            out.accept(factory.reject(record, FORMAT, "no data: not a v2 tweet page or message"));
            return;
        }
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode user : page.path("includes").path("users")) {
            String id = text(user, "id");
            if (id != null) {
                users.put(id, user);
            }
        }
        if (data.isObject()) {
            tweet(record, data, users, out);
        } else {
            for (JsonNode tweet : data) {
                tweet(record, tweet, users, out);
            }
        }
    }

    private void tweet(
            RawRecord record,
            JsonNode tweet,
            Map<String, JsonNode> users,
            Consumer<SourceRecord> out) {
        String id = text(tweet, "id");
        String authorId = text(tweet, "author_id");
        String createdAt = text(tweet, "created_at");
        String missing =
                id == null
                        ? "id"
                        : authorId == null ? "author_id" : createdAt == null ? "created_at" : null;
        JsonNode author = authorId == null ? null : users.get(authorId);
        String handle = text(author, "username");
        if (missing != null) {
            out.accept(tweetReject(record, tweet, "tweet without " + missing, handle, authorId));
            return;
        }
        long created;
        try {
            created = TwitterTime.parseIso(createdAt);
        } catch (IllegalArgumentException e) {
            out.accept(tweetReject(record, tweet, e.getMessage(), handle, authorId));
            return;
        }
        JsonNode metrics = tweet.path("public_metrics");
        Post.Builder post =
                PostFactory.newPost(FORMAT)
                        .setPostId(id)
                        .setConversationId(text(tweet, "conversation_id"))
                        .setParentPostId(referenced(tweet, "replied_to"))
                        .setRetweetOf(referenced(tweet, "retweeted"))
                        .setQuoteOf(referenced(tweet, "quoted"))
                        .setAuthorId(authorId)
                        .setAuthorHandle(handle)
                        .setCreatedAt(created)
                        .setLanguage(text(tweet, "lang"))
                        .setAuthorFollowers(
                                author == null
                                        ? null
                                        : count(author.path("public_metrics"), "followers_count"))
                        .setRetweetCount(count(metrics, "retweet_count"))
                        .setReplyCount(count(metrics, "reply_count"))
                        .setLikeCount(count(metrics, "like_count"))
                        .setQuoteCount(count(metrics, "quote_count"))
                        .setText(text(tweet, "text"));
        out.accept(factory.accept(post, factory.registeredBrand(handle)));
    }

    private SourceRecord tweetReject(
            RawRecord record, JsonNode tweet, String reason, String handle, String authorId) {
        return factory.reject(
                new RawRecord(record.source(), record.position(), tweet.toString()),
                FORMAT,
                reason,
                handle,
                authorId);
    }

    private static String referenced(JsonNode tweet, String type) {
        for (JsonNode reference : tweet.path("referenced_tweets")) {
            if (type.equals(text(reference, "type"))) {
                return text(reference, "id");
            }
        }
        return null;
    }
}
