package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.SharedData;
import io.squeaky.records.Post;
import io.squeaky.records.Reject;
import java.io.StringReader;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TwcsParserTest {

    @Test
    void readsEveryRowOfTheKaggleExtractWithItsLeadingIndexColumn() throws Exception {
        ParsedFile parsed =
                ParsedFile.read(SharedData.file("twcs/twcs-head5000.csv"), InputFormat.TWCS);

        assertThat(parsed.rejects()).isEmpty();
        assertThat(parsed.posts()).hasSize(5000);
        assertThat(parsed.posts().stream().filter(Post::getAuthorIsBrand)).hasSize(2222);
        assertThat(
                        parsed.posts().stream()
                                .map(Post::getAuthorId)
                                .distinct()
                                .filter(a -> !a.matches("\\d+")))
                .hasSize(76);
    }

    @Test
    void keepsABareCarriageReturnInsideATweetInsteadOfSplittingTheRow() throws Exception {
        Map<String, Post> byId = byId(SharedData.file("twcs/twcs-head5000.csv"));

        Post tweet = byId.get("3399");
        assertThat(tweet.getText())
                .isEqualTo(
                        "@AskPayPal \r\rI just love the start of email 😁 https://t.co/8u1Pf5rJoN");
        assertThat(tweet.getAuthorId()).isEqualTo("116510");
        assertThat(tweet.getParentPostId()).isNull();
    }

    @Test
    void readsFloatIdsAsIntegersAndLinksByTheReplysOwnParentField() throws Exception {
        Map<String, Post> byId = byId(SharedData.file("twcs/twcs-head5000.csv"));

        Post reply = byId.get("1");
        assertThat(reply.getParentPostId()).isEqualTo("3");
        assertThat(reply.getAuthorIsBrand()).isTrue();
        assertThat(reply.getBrand()).isEqualTo("Sprint");
        assertThat(reply.getCreatedAt())
                .isEqualTo(java.time.Instant.parse("2017-10-31T22:10:47Z").toEpochMilli());
        assertThat(reply.getPrivateHandoff()).isTrue();
        Post customer = byId.get("8");
        assertThat(customer.getAuthorIsBrand()).isFalse();
        assertThat(customer.getAddressedBrand()).isEqualTo("Sprint");
        assertThat(customer.getAuthorFollowers()).as("TWCS has no follower counts").isNull();
    }

    @Test
    void readsQuotedNewlinesAndTheKaggleSampleWithoutIndexColumn() throws Exception {
        ParsedFile parsed =
                ParsedFile.read(SharedData.file("twcs/twcs-sample93.csv"), InputFormat.TWCS);

        assertThat(parsed.rejects()).isEmpty();
        assertThat(parsed.posts()).hasSize(93);
        assertThat(parsed.posts()).anySatisfy(p -> assertThat(p.getText()).contains("\n"));
    }

    @Test
    void treatsAnUnlistedInboundFalseAuthorAsABrandOfItsOwnName() throws Exception {
        String csv =
                "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                        + "10,NewBrandHelp,FALSE,Tue Oct 31 22:10:47 +0000 2017,@5 sorry!,,11\n"
                        + "11,5,TRUE,Tue Oct 31 22:00:00 +0000 2017,@NewBrandHelp broken,10,\n";
        ParsedFile parsed =
                ParsedFile.read(
                        new StringReader(csv),
                        "inline.csv",
                        InputFormat.TWCS,
                        BrandRegistry.bundled());

        assertThat(parsed.posts()).hasSize(2);
        Post brandPost = parsed.posts().get(0);
        assertThat(brandPost.getAuthorIsBrand()).isTrue();
        assertThat(brandPost.getBrand()).isEqualTo("NewBrandHelp");
        assertThat(parsed.posts().get(1).getAuthorIsBrand()).isFalse();
    }

    @Test
    void rejectsEveryKindOfBrokenRowWithItsLineAndReason() throws Exception {
        String csv =
                ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                        + "0,1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,ok,,2.0\n"
                        + "1,abc,115712,True,Tue Oct 31 22:11:45 +0000 2017,bad id,,\n"
                        + "2,3,,True,Tue Oct 31 22:11:45 +0000 2017,no author,,\n"
                        + "3,4,115712,Maybe,Tue Oct 31 22:11:45 +0000 2017,bad inbound,,\n"
                        + "4,5,115712,True,31/10/2017 22:11,bad time,,\n"
                        + "5,6,115712,True,Tue Oct 31 22:11:45 +0000 2017,bad parent,,x7\n"
                        + "6,7,115712,True,Tue Oct 31 22:11:45 +0000 2017\n"
                        + "7,8,115712,True,Tue Feb 30 22:11:45 +0000 2017,no such day,,\n"
                        + "8,9,115712,TRUE,Tue Oct 31 22:11:45 +0000 2017,fine,,\n"
                        + "9,10,115712,True,Tue Oct 31 22:11:45 +0000 2017,\"open quote\n";
        ParsedFile parsed =
                ParsedFile.read(
                        new StringReader(csv),
                        "bad.csv",
                        InputFormat.TWCS,
                        BrandRegistry.bundled());

        assertThat(parsed.posts()).extracting(Post::getPostId).containsExactly("1", "9");
        Map<Long, String> reasons =
                parsed.rejects().stream()
                        .collect(Collectors.toMap(Reject::getPosition, Reject::getReason));
        assertThat(reasons)
                .containsOnlyKeys(3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L)
                .hasEntrySatisfying(3L, r -> assertThat(r).contains("tweet_id"))
                .hasEntrySatisfying(4L, r -> assertThat(r).contains("author_id"))
                .hasEntrySatisfying(5L, r -> assertThat(r).contains("inbound"))
                .hasEntrySatisfying(6L, r -> assertThat(r).contains("timestamp"))
                .hasEntrySatisfying(7L, r -> assertThat(r).contains("in_response_to_tweet_id"))
                .hasEntrySatisfying(8L, r -> assertThat(r).contains("expected 8 fields, found 5"))
                .hasEntrySatisfying(9L, r -> assertThat(r).contains("impossible"))
                .hasEntrySatisfying(11L, r -> assertThat(r).contains("unterminated"));
        assertThat(parsed.rejects())
                .allSatisfy(r -> assertThat(r.getSource()).isEqualTo("bad.csv"));
        assertThat(parsed.rejects().get(0).getRawText()).as("not kept by default").isNull();
        assertThat(parsed.rejects().get(0).getRecordSha256())
                .isEqualTo(Sha256.hex("1,abc,115712,True,Tue Oct 31 22:11:45 +0000 2017,bad id,,"));
    }

    @Test
    void cutsTheRawTextOfARejectToOneKilobyte() throws Exception {
        String csv = "1,2,3\n" + "x".repeat(5000) + "\n";
        ParsedFile parsed =
                ParsedFile.readKeepingRawRejects(
                        new StringReader(csv), "long.csv", InputFormat.TWCS);

        assertThat(parsed.rejects()).hasSize(2);
        assertThat(parsed.rejects().get(1).getRawText()).hasSize(1024);
    }

    private static Map<String, Post> byId(java.nio.file.Path file) throws Exception {
        return ParsedFile.read(file, InputFormat.TWCS).posts().stream()
                .collect(Collectors.toMap(Post::getPostId, Function.identity()));
    }
}
