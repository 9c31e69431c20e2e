package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.SharedData;
import io.squeaky.records.Post;
import io.squeaky.records.Reject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The v1.1 adapter over the two real payload files in ../shared/data/twitter-api-v1 (counts worked
 * out independently with Python's json module). Both files hold tweets of the same account; the
 * first was captured by the streaming API with {@code extended_tweet}, the second by the public
 * REST API, which only has the truncated {@code text}.
 */
class TwitterV1ParserTest {

    private static final String ORIGINAL = "tweet_parser_original_format_examples.json";
    private static final String PUBLIC_API = "tweet_parser_public_api_sample.json";

    /**
     * Each file has five tweets Twitter marked truncated. The streaming payload carries their whole
     * text in {@code extended_tweet}, so none of its own tweets is cut with "…"; the REST payload
     * does not, so all five are.
     */
    @ParameterizedTest(
            name = "{0}: {1} tweets, {2} retweets, {3} replies, {4} quotes, {5} cut short")
    @CsvSource({
        ORIGINAL + ",   25, 3, 4, 8, 0",
        PUBLIC_API + ", 20, 3, 3, 8, 5",
    })
    void readsEveryTweetOfARealPayloadFile(
            String file, int tweets, int retweets, int replies, int quotes, int cutShort)
            throws Exception {
        ParsedFile parsed = read(file);

        parsed.hasExactly(tweets, retweets, replies, quotes);
        assertThat(parsed.posts())
                .allSatisfy(
                        p -> {
                            assertThat(p.getAuthorId()).isEqualTo("815279070241955840");
                            assertThat(p.getAuthorHandle()).isEqualTo("RobotPrincessFi");
                            assertThat(p.getAuthorFollowers()).isEqualTo(1L);
                            assertThat(p.getSourceFormat()).isEqualTo("twitter-v1");
                            assertThat(p.getConversationId()).as("v1.1 has none").isNull();
                        });
        assertThat(
                        parsed.posts().stream()
                                .filter(p -> p.getRetweetOf() == null)
                                .filter(p -> p.getText().contains("\u2026")))
                .hasSize(cutShort);
    }

    @Test
    void usesTheFullTextOfAnExtendedTweetAndTheTruncatedTextOtherwise() throws Exception {
        Post full = byId(ORIGINAL).get("867471562613575680");
        Post truncated = byId(PUBLIC_API).get("867471562613575680");

        assertThat(full.getText())
                .isEqualTo(
                        "F) Tweet with 140 characters + media. The quick brown fox jumped over the"
                                + " lazily Tweeting dog. Lorem ipsum dolor sit amet, consectetur adipi"
                                + " https://t.co/x2MZliBLyk");
        assertThat(truncated.getText())
                .isEqualTo(
                        "F) Tweet with 140 characters + media. The quick brown fox jumped over the"
                                + " lazily Tweeting dog. Lorem ipsum dolor si\u2026"
                                + " https://t.co/DMs4gxkIku");
        assertThat(full.getCreatedAt())
                .isEqualTo(truncated.getCreatedAt())
                .isEqualTo(Instant.parse("2017-05-24T20:05:12Z").toEpochMilli());
        assertThat(full.getRetweetCount()).isEqualTo(1L);
    }

    @Test
    void readsAReplyThatQuotesAnotherTweet() throws Exception {
        Post reply = byId(ORIGINAL).get("867837275152842752");

        assertThat(reply.getParentPostId()).isEqualTo("861645830863822848");
        assertThat(reply.getQuoteOf()).isEqualTo("867479301360205824");
        assertThat(reply.getRetweetOf()).isNull();
        assertThat(reply.getText())
                .isEqualTo(
                        "@notFromShrek L) Here goes nothing. Testing some Tweets!"
                                + " https://t.co/J0kZNknRxg");
        assertThat(reply.getCreatedAt())
                .isEqualTo(Instant.parse("2017-05-25T20:18:24Z").toEpochMilli());
        assertThat(reply.getLanguage()).isEqualTo("en");
        assertThat(reply.getLikeCount()).isEqualTo(0L);
        assertThat(reply.getReplyCount()).isEqualTo(0L);
        assertThat(reply.getQuoteCount()).isEqualTo(0L);
    }

    @Test
    void pointsARetweetAtTheTweetItRepeats() throws Exception {
        Post retweet = byId(ORIGINAL).get("867475059358683136");

        assertThat(retweet.getRetweetOf()).isEqualTo("867471562613575680");
        assertThat(retweet.getParentPostId()).isNull();
        assertThat(retweet.getQuoteOf()).isNull();
        assertThat(retweet.getText())
                .startsWith("RT @RobotPrincessFi: F) Tweet with 140 characters");
    }

    @Test
    void keepsTheLanguageAndLeavesCountsThePayloadLacksUnknown() throws Exception {
        Post sample = byId(PUBLIC_API).get("867475261532459008");
        Post stream = byId(ORIGINAL).get("867475261532459008");

        assertThat(sample.getLanguage()).isEqualTo("fr");
        assertThat(stream.getLanguage()).isEqualTo("en");
        assertThat(sample.getReplyCount()).as("the REST payload has no reply_count").isNull();
        assertThat(sample.getQuoteCount()).as("the REST payload has no quote_count").isNull();
        assertThat(stream.getReplyCount()).isEqualTo(0L);
        assertThat(byId(ORIGINAL).get("867471067178090496").getLikeCount()).isEqualTo(1L);
    }

    @Test
    void marksTheAuthorAsABrandWhenTheRegistryListsItsScreenName() throws Exception {
        BrandRegistry registry =
                BrandRegistry.parse(
                        "handle,brand,time_zone\nrobotprincessfi,Robot Princess,Europe/London\n",
                        "test");

        ParsedFile parsed =
                ParsedFile.read(
                        SharedData.file("twitter-api-v1/" + ORIGINAL),
                        InputFormat.TWITTER_V1,
                        registry);

        assertThat(parsed.posts())
                .hasSize(25)
                .allSatisfy(p -> assertThat(p.getBrand()).isEqualTo("Robot Princess"));
    }

    @Test
    void rejectsWhatIsNotATweetWithItsLineAndReason() throws Exception {
        String user =
                "\"user\":{\"id_str\":\"7\",\"screen_name\":\"someone\",\"followers_count\":12}";
        String lines =
                "{\"id_str\":\"1\",\"created_at\":\"Wed May 24 20:05:12 +0000 2017\",\"text\":\"ok\","
                        + user
                        + "}\n"
                        + "{\"id_str\":\"2\",\"created_at\":\"Wed May 24 20:05:12 +0000 2017\"\n"
                        + "{\"delete\":{\"status\":{\"id\":1,\"id_str\":\"1\",\"user_id\":7,"
                        + "\"user_id_str\":\"7\"},\"timestamp_ms\":\"1495656312000\"}}\n"
                        + "{\"limit\":{\"track\":12,\"timestamp_ms\":\"1495656312000\"}}\n"
                        + "{\"id_str\":\"5\",\"created_at\":\"Wed May 24 20:05:12 +0000 2017\","
                        + "\"text\":\"no user\"}\n"
                        + "{\"id_str\":\"6\",\"created_at\":\"2017-05-24T20:05:12Z\",\"text\":\"iso\","
                        + user
                        + "}\n"
                        + "{\"id_str\":\"7\",\"created_at\":\"Wed Feb 30 20:05:12 +0000 2017\","
                        + "\"text\":\"no such day\","
                        + user
                        + "}\n"
                        + "{\"id_str\":\"8\",\"text\":\"no time\","
                        + user
                        + "}\n"
                        + "\"just a string\"\n"
                        + "\n"
                        + "{\"id_str\":\"9\",\"created_at\":\"Wed May 24 20:05:13 +0000 2017\",\"text\":\"ok\","
                        + user
                        + "}\n";

        ParsedFile parsed =
                ParsedFile.read(
                        new StringReader(lines),
                        "stream.json",
                        InputFormat.TWITTER_V1,
                        BrandRegistry.bundled());

        assertThat(parsed.posts()).extracting(Post::getPostId).containsExactly("1", "9");
        assertThat(parsed.posts().get(0).getAuthorFollowers()).isEqualTo(12L);
        Map<Long, String> reasons =
                parsed.rejects().stream()
                        .collect(Collectors.toMap(Reject::getPosition, Reject::getReason));
        assertThat(reasons)
                .containsOnlyKeys(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L)
                .hasEntrySatisfying(2L, r -> assertThat(r).startsWith("malformed JSON"))
                .hasEntrySatisfying(
                        3L, r -> assertThat(r).isEqualTo("stream control message, not a tweet"))
                .hasEntrySatisfying(
                        4L, r -> assertThat(r).isEqualTo("stream control message, not a tweet"))
                .hasEntrySatisfying(5L, r -> assertThat(r).isEqualTo("tweet without user.id_str"))
                .hasEntrySatisfying(
                        6L,
                        r ->
                                assertThat(r)
                                        .isEqualTo("not a Twitter timestamp: 2017-05-24T20:05:12Z"))
                .hasEntrySatisfying(
                        7L,
                        r ->
                                assertThat(r)
                                        .isEqualTo(
                                                "impossible timestamp: Wed Feb 30 20:05:12 +0000 2017"))
                .hasEntrySatisfying(8L, r -> assertThat(r).isEqualTo("tweet without created_at"))
                .hasEntrySatisfying(9L, r -> assertThat(r).isEqualTo("not a JSON object"));
        assertThat(parsed.rejects())
                .allSatisfy(r -> assertThat(r.getSourceFormat()).isEqualTo("twitter-v1"));
    }

    private static ParsedFile read(String file) throws IOException {
        return ParsedFile.read(SharedData.file("twitter-api-v1/" + file), InputFormat.TWITTER_V1);
    }

    private static Map<String, Post> byId(String file) throws IOException {
        return read(file).posts().stream()
                .collect(Collectors.toMap(Post::getPostId, Function.identity()));
    }
}
