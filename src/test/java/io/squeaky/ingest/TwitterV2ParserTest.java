package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.squeaky.SharedData;
import io.squeaky.cases.Pseudonymizer;
import io.squeaky.records.Post;
import io.squeaky.records.Reject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The v2 adapter over every real twarc page in ../shared/data/twitter-api-v2 (counts worked out
 * independently with Python's json module), and over hand-written pages for the cases the real
 * files do not have.
 */
class TwitterV2ParserTest {

    private static final String DIR = "twitter-api-v2/";

    @ParameterizedTest(name = "{0}: {1} tweets, {2} retweets, {3} replies, {4} quotes")
    @CsvSource({
        "twarc-csv_brexit.jsonl,         100, 67, 10, 11",
        "twarc-csv_cotweet.jsonl,          1,  0,  0,  0",
        "twarc-csv_edited.jsonl,           1,  0,  0,  0",
        "twarc-csv_mentions_tweet.jsonl,   1,  1,  0,  0",
        "twarc-csv_noflat.jsonl,         100, 47, 31,  8",
        "twarc-csv_two_tweets.jsonl,       1,  1,  0,  0",
        "twarc-csv_verified_type.jsonl,    1,  0,  0,  0",
    })
    void readsEveryTweetOfARealPageAndNoneOfItsIncludedContextTweets(
            String file, int tweets, int retweets, int replies, int quotes) throws Exception {
        ParsedFile parsed = read(file);

        parsed.hasExactly(tweets, retweets, replies, quotes);
        assertThat(parsed.posts())
                .as("every author of these pages is in includes.users")
                .allSatisfy(
                        p -> {
                            assertThat(p.getAuthorHandle()).isNotBlank();
                            assertThat(p.getAuthorFollowers()).isNotNull();
                            assertThat(p.getSourceFormat()).isEqualTo("twitter-v2");
                            assertThat(p.getNetwork()).isEqualTo("twitter");
                        });
    }

    @Test
    void theSevenRealFilesHold205TweetsAndNothingMalformed() throws Exception {
        Path dir = SharedData.file(DIR + "twarc-csv_brexit.jsonl").getParent();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }

        int posts = 0;
        int rejects = 0;
        for (Path file : files) {
            ParsedFile parsed = ParsedFile.read(file, InputFormat.TWITTER_V2);
            posts += parsed.posts().size();
            rejects += parsed.rejects().size();
        }

        assertThat(files).hasSize(7);
        assertThat(posts).isEqualTo(205);
        assertThat(rejects).isZero();
    }

    @Test
    void takesAReplysFieldsFromTheTweetAndItsAuthorFromIncludesUsers() throws Exception {
        Post reply = byId("twarc-csv_noflat.jsonl").get("1380242318188494850");

        assertThat(reply.getPostId()).isEqualTo("1380242318188494850");
        assertThat(reply.getAuthorId()).isEqualTo("1020422488671604742");
        assertThat(reply.getAuthorHandle()).isEqualTo("un_a_valeable");
        assertThat(reply.getAuthorFollowers()).isEqualTo(2209L);
        assertThat(reply.getConversationId()).isEqualTo("1380010236363300872");
        assertThat(reply.getParentPostId()).isEqualTo("1380010236363300872");
        assertThat(reply.getRetweetOf()).isNull();
        assertThat(reply.getQuoteOf()).isNull();
        assertThat(reply.getLanguage()).isEqualTo("sv");
        assertThat(reply.getCreatedAt())
                .isEqualTo(Instant.parse("2021-04-08T19:33:06Z").toEpochMilli())
                .isEqualTo(1_617_910_386_000L);
        assertThat(reply.getRetweetCount()).isEqualTo(0L);
        assertThat(reply.getReplyCount()).isEqualTo(0L);
        assertThat(reply.getLikeCount()).isEqualTo(1L);
        assertThat(reply.getQuoteCount()).isEqualTo(0L);
        assertThat(reply.getText())
                .isEqualTo("@_alex_joshua Barack Obama 2004 or Barbara Jordan 1976");
        assertThat(reply.getAuthorIsBrand()).isFalse();
        assertThat(reply.getBrand()).isNull();
    }

    @Test
    void readsAQuoteAndItsFourPublicMetrics() throws Exception {
        Post quote = byId("twarc-csv_brexit.jsonl").get("1440714027773030407");

        assertThat(quote.getQuoteOf()).isEqualTo("1440637197250486275");
        assertThat(quote.getParentPostId()).isNull();
        assertThat(quote.getRetweetOf()).isNull();
        assertThat(quote.getConversationId()).isEqualTo("1440714027773030407");
        assertThat(quote.getAuthorId()).isEqualTo("801006365665873920");
        assertThat(quote.getAuthorHandle()).isEqualTo("HappyAbode1875");
        assertThat(quote.getAuthorFollowers()).isEqualTo(1604L);
        assertThat(quote.getLanguage()).isEqualTo("en");
        assertThat(quote.getCreatedAt())
                .isEqualTo(Instant.parse("2021-09-22T16:26:06Z").toEpochMilli());
        assertThat(quote.getRetweetCount()).isEqualTo(3L);
        assertThat(quote.getReplyCount()).isEqualTo(1L);
        assertThat(quote.getLikeCount()).isEqualTo(1L);
        assertThat(quote.getQuoteCount()).isEqualTo(0L);
    }

    @Test
    void readsARetweetAndTheMetricsOfAWidelySeenTweet() throws Exception {
        Post retweet = byId("twarc-csv_two_tweets.jsonl").get("1394735776701816833");
        assertThat(retweet.getRetweetOf()).isEqualTo("1391677057810288641");
        assertThat(retweet.getParentPostId()).isNull();
        assertThat(retweet.getAuthorHandle()).isEqualTo("LachiVeronica");
        assertThat(retweet.getAuthorFollowers())
                .as("zero followers is known, not null")
                .isEqualTo(0L);
        assertThat(retweet.getLanguage()).isEqualTo("und");
        assertThat(retweet.getText()).isEqualTo("RT @bibaigna96: #POIUYTREWQ");

        Post announcement = byId("twarc-csv_verified_type.jsonl").get("1603823063690199040");
        assertThat(announcement.getAuthorHandle()).isEqualTo("TwitterDev");
        assertThat(announcement.getAuthorFollowers()).isEqualTo(556_601L);
        assertThat(announcement.getRetweetCount()).isEqualTo(104L);
        assertThat(announcement.getReplyCount()).isEqualTo(37L);
        assertThat(announcement.getLikeCount()).isEqualTo(745L);
        assertThat(announcement.getQuoteCount()).isEqualTo(24L);
        assertThat(announcement.getCreatedAt())
                .isEqualTo(Instant.parse("2022-12-16T18:43:10Z").toEpochMilli());
    }

    @Test
    void marksTheAuthorAsABrandWhenTheRegistryListsItsUsername() throws Exception {
        BrandRegistry registry =
                BrandRegistry.parse(
                        "handle,brand,time_zone\nTagesSchau,ARD-aktuell,Europe/Berlin\n", "test");

        ParsedFile parsed =
                ParsedFile.read(
                        SharedData.file(DIR + "twarc-csv_brexit.jsonl"),
                        InputFormat.TWITTER_V2,
                        registry);

        assertThat(parsed.posts().stream().filter(Post::getAuthorIsBrand))
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.getPostId()).isEqualTo("1440714938054418436");
                            assertThat(p.getAuthorHandle()).isEqualTo("tagesschau");
                            assertThat(p.getBrand()).isEqualTo("ARD-aktuell");
                            assertThat(p.getLanguage()).isEqualTo("de");
                            assertThat(p.getAuthorFollowers()).isEqualTo(3_090_058L);
                            assertThat(p.getPrivateHandoff()).isFalse();
                            assertThat(p.getAddressedBrand()).isNull();
                        });
        assertThat(parsed.posts().stream().filter(p -> p.getAddressedBrand() != null))
                .as("the three 'RT @tagesschau:' retweets mention the brand")
                .extracting(Post::getPostId, Post::getAddressedBrand)
                .containsExactlyInAnyOrder(
                        tuple("1440715564863791107", "ARD-aktuell"),
                        tuple("1440715172058828801", "ARD-aktuell"),
                        tuple("1440715167084396544", "ARD-aktuell"));
        assertThat(read("twarc-csv_brexit.jsonl").posts().stream().filter(Post::getAuthorIsBrand))
                .as("tagesschau is not in the bundled list")
                .isEmpty();
    }

    @Test
    void readsAFilteredStreamMessageWhoseDataIsOneTweet() throws Exception {
        String message =
                "{\"data\":{\"id\":\"1590000000000000001\",\"author_id\":\"42\","
                        + "\"conversation_id\":\"1589999999999999999\","
                        + "\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"1589999999999999999\"}],"
                        + "\"created_at\":\"2022-11-08T09:15:00.000Z\",\"lang\":\"en\","
                        + "\"public_metrics\":{\"retweet_count\":2,\"reply_count\":1,\"like_count\":5,"
                        + "\"quote_count\":0},"
                        + "\"text\":\"@AppleSupport my phone will not charge\"},"
                        + "\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"charging_woes\","
                        + "\"public_metrics\":{\"followers_count\":321}}]},"
                        + "\"matching_rules\":[{\"id\":\"1\",\"tag\":\"support\"}]}\n";

        ParsedFile parsed = readInline(message);

        assertThat(parsed.rejects()).isEmpty();
        assertThat(parsed.posts())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.getPostId()).isEqualTo("1590000000000000001");
                            assertThat(p.getAuthorHandle()).isEqualTo("charging_woes");
                            assertThat(p.getAuthorFollowers()).isEqualTo(321L);
                            assertThat(p.getParentPostId()).isEqualTo("1589999999999999999");
                            assertThat(p.getCreatedAt())
                                    .isEqualTo(
                                            Instant.parse("2022-11-08T09:15:00Z").toEpochMilli());
                            assertThat(p.getLikeCount()).isEqualTo(5L);
                            assertThat(p.getAuthorIsBrand()).isFalse();
                            assertThat(p.getAddressedBrand()).isEqualTo("Apple");
                        });
    }

    @Test
    void marksABrandsStreamedReplyThatAsksForADirectMessage() throws Exception {
        String message =
                "{\"data\":{\"id\":\"2\",\"author_id\":\"7\",\"created_at\":\"2022-11-08T09:20:00.000Z\","
                        + "\"text\":\"@charging_woes We'd like to help. Send us a DM and we'll continue there.\"},"
                        + "\"includes\":{\"users\":[{\"id\":\"7\",\"username\":\"AppleSupport\"}]}}\n";

        Post reply = readInline(message).posts().get(0);

        assertThat(reply.getAuthorIsBrand()).isTrue();
        assertThat(reply.getBrand()).isEqualTo("Apple");
        assertThat(reply.getPrivateHandoff()).isTrue();
        assertThat(reply.getAuthorFollowers()).as("no public_metrics on the user").isNull();
        assertThat(reply.getRetweetCount()).as("no public_metrics on the tweet").isNull();
    }

    @Test
    void leavesTheHandleUnknownWhenTheAuthorIsMissingFromIncludes() throws Exception {
        String page =
                "{\"data\":[{\"id\":\"3\",\"author_id\":\"99\",\"created_at\":\"2022-11-08T09:20:00Z\","
                        + "\"text\":\"hello\"}]}\n";

        Post post = readInline(page).posts().get(0);

        assertThat(post.getAuthorId()).isEqualTo("99");
        assertThat(post.getAuthorHandle()).isNull();
        assertThat(post.getAuthorFollowers()).isNull();
        assertThat(post.getAuthorIsBrand()).isFalse();
    }

    @Test
    void rejectsMalformedJsonAndAnObjectWithoutDataWithTheirLineNumbers() throws Exception {
        String lines =
                "{\"data\":[{\"id\":\"1\",\"author_id\":\"2\",\"created_at\":\"2022-11-08T09:20:00Z\"}\n"
                        + "{\"errors\":[{\"title\":\"Not Found Error\",\"resource_id\":\"5\"}]}\n"
                        + "[1,2,3]\n";

        ParsedFile parsed = readInline(lines);

        assertThat(parsed.posts()).isEmpty();
        Map<Long, String> reasons = reasonsByLine(parsed);
        assertThat(reasons)
                .containsOnlyKeys(1L, 2L, 3L)
                .hasEntrySatisfying(1L, r -> assertThat(r).startsWith("malformed JSON"))
                .hasEntrySatisfying(2L, r -> assertThat(r).startsWith("no data"))
                .hasEntrySatisfying(3L, r -> assertThat(r).startsWith("no data"));
        assertThat(parsed.rejects())
                .allSatisfy(
                        r -> {
                            assertThat(r.getSource()).isEqualTo("inline.jsonl");
                            assertThat(r.getSourceFormat()).isEqualTo("twitter-v2");
                        });
        assertThat(parsed.rejects().get(1).getRecordSha256())
                .isEqualTo(
                        Sha256.hex(
                                "{\"errors\":[{\"title\":\"Not Found Error\",\"resource_id\":\"5\"}]}"));
    }

    @Test
    void rejectsOnlyTheTweetWithoutCreatedAtAndKeepsTheRestOfItsPage() throws Exception {
        String page =
                "{\"data\":["
                        + "{\"id\":\"10\",\"author_id\":\"1\",\"created_at\":\"2022-11-08T09:00:00.000Z\",\"text\":\"a\"},"
                        + "{\"id\":\"11\",\"author_id\":\"1\",\"text\":\"no time\"},"
                        + "{\"id\":\"12\",\"author_id\":\"1\",\"created_at\":\"8 Nov 2022 09:02\",\"text\":\"b\"},"
                        + "{\"author_id\":\"1\",\"created_at\":\"2022-11-08T09:03:00.000Z\",\"text\":\"no id\"},"
                        + "{\"id\":\"14\",\"created_at\":\"2022-11-08T09:04:00.000Z\",\"text\":\"no author\"},"
                        + "{\"id\":\"15\",\"author_id\":\"1\",\"created_at\":\"2022-11-08T09:05:00.000Z\",\"text\":\"c\"}"
                        + "],\"includes\":{\"users\":[{\"id\":\"1\",\"username\":\"someone\"}]}}\n";

        ParsedFile parsed = readInline("\n" + page);

        assertThat(parsed.posts()).extracting(Post::getPostId).containsExactly("10", "15");
        assertThat(parsed.rejects())
                .extracting(Reject::getReason)
                .containsExactly(
                        "tweet without created_at",
                        "not an ISO-8601 instant: 8 Nov 2022 09:02",
                        "tweet without id",
                        "tweet without author_id");
        assertThat(parsed.rejects())
                .as("a tweet's reject points at its page's line and keeps only the tweet")
                .allSatisfy(r -> assertThat(r.getPosition()).isEqualTo(2L));
        assertThat(parsed.rejects().get(0).getRecordSha256())
                .isEqualTo(Sha256.hex("{\"id\":\"11\",\"author_id\":\"1\",\"text\":\"no time\"}"));
        assertThat(parsed.rejects())
                .as("the author's pseudonym, by the screen name the page gives, never the raw id")
                .extracting(Reject::getCustomerId)
                .containsExactly(
                        new Pseudonymizer(Pseudonymizer.DEVELOPMENT_SALT)
                                .pseudonym("customer", "twitter:someone"),
                        new Pseudonymizer(Pseudonymizer.DEVELOPMENT_SALT)
                                .pseudonym("customer", "twitter:someone"),
                        new Pseudonymizer(Pseudonymizer.DEVELOPMENT_SALT)
                                .pseudonym("customer", "twitter:someone"),
                        null);
    }

    @Test
    void anEmptyPageIsNeitherAPostNorAReject() throws Exception {
        String lines =
                "{\"meta\":{\"result_count\":0}}\n"
                        + "{\"data\":[],\"meta\":{\"result_count\":0}}\n"
                        + "   \n";

        ParsedFile parsed = readInline(lines);

        assertThat(parsed.posts()).isEmpty();
        assertThat(parsed.rejects()).isEmpty();
    }

    private static ParsedFile read(String file) throws IOException {
        return ParsedFile.read(SharedData.file(DIR + file), InputFormat.TWITTER_V2);
    }

    private static ParsedFile readInline(String lines) throws IOException {
        return ParsedFile.read(
                new StringReader(lines),
                "inline.jsonl",
                InputFormat.TWITTER_V2,
                BrandRegistry.bundled());
    }

    private static Map<String, Post> byId(String file) throws IOException {
        return read(file).posts().stream()
                .collect(Collectors.toMap(Post::getPostId, Function.identity()));
    }

    private static Map<Long, String> reasonsByLine(ParsedFile parsed) {
        return parsed.rejects().stream()
                .collect(Collectors.toMap(Reject::getPosition, Reject::getReason));
    }
}
