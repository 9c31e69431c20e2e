package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.SharedData;
import io.squeaky.cases.CaseRules;
import io.squeaky.cases.MentionRule;
import io.squeaky.ingest.BrandRegistry;
import io.squeaky.ingest.InputFormat;
import io.squeaky.ingest.PostFactory;
import io.squeaky.ingest.RawRecord;
import io.squeaky.ingest.RecordParser;
import io.squeaky.ingest.RecordSplitter;
import io.squeaky.records.Post;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mention rule against the truth of the reply ids: TWCS written as an rtweet export that lost
 * its reply ids (as trimmed R data frames do), read back with the rtweet adapter, each brand reply
 * given the parent the rule finds, compared with the parent its {@code in_response_to_tweet_id}
 * names.
 */
class MentionRuleAgreementTest {

    @Test
    void theRuleFindsTheParentTheReplyIdsNameForAtLeast95PercentOfBrandReplies() throws Exception {
        Map<String, IndependentTwcsReading.Tweet> tweets =
                IndependentTwcsReading.tweets(SharedData.file("twcs/twcs-head5000.csv"));
        Map<String, String> truth =
                IndependentTwcsReading.customerParents(tweets, CaseRules.DEFAULT_REPLY_WINDOW);

        StringBuilder export = new StringBuilder("screen_name,created_at,status_id,text,user_id\n");
        for (IndependentTwcsReading.Tweet t : tweets.values()) {
            export.append(PlainCsv.quote(t.author()))
                    .append(',')
                    .append(Instant.ofEpochSecond(t.epochSeconds()))
                    .append(',')
                    .append(t.id())
                    .append(',')
                    .append(PlainCsv.quote(t.text()))
                    .append(',')
                    .append(PlainCsv.quote(t.author()))
                    .append('\n');
        }
        List<Post> posts = read(export.toString());
        assertThat(posts).hasSize(tweets.size());
        assertThat(posts).allSatisfy(p -> assertThat(p.getParentPostId()).isNull());

        Map<String, List<Post>> byAccount = new HashMap<>();
        for (Post p : posts) {
            if (!p.getAuthorIsBrand()) {
                byAccount
                        .computeIfAbsent(
                                p.getAuthorHandle().toLowerCase(Locale.ROOT),
                                a -> new ArrayList<>())
                        .add(p);
            }
        }
        MentionRule rule = new MentionRule(CaseRules.defaults());
        int agree = 0;
        for (Post reply : posts) {
            String expected = truth.get(reply.getPostId());
            if (expected == null || reply.getAddressedHandle() == null) {
                continue;
            }
            Post found =
                    rule.parent(
                            byAccount.getOrDefault(reply.getAddressedHandle(), List.of()), reply);
            if (found != null && found.getPostId().equals(expected)) {
                agree++;
            }
        }
        double agreement = (double) agree / truth.size();
        System.out.printf(
                "mention rule on twcs-head5000.csv: %d of %d brand replies (%.1f%%) get the parent"
                        + " their reply id names%n",
                agree, truth.size(), 100 * agreement);
        assertThat(truth).as("brand replies to a customer post within 7 days").hasSize(2185);
        assertThat(agreement).isGreaterThanOrEqualTo(0.95);
    }

    private static List<Post> read(String csv) throws Exception {
        RecordSplitter splitter = InputFormat.RTWEET.splitter(new StringReader(csv));
        RecordParser parser =
                InputFormat.RTWEET.parser(
                        new PostFactory(BrandRegistry.bundled(), Clock.systemUTC()));
        List<Post> posts = new ArrayList<>();
        String text;
        while ((text = splitter.next()) != null) {
            parser.parse(
                    new RawRecord("export.csv", splitter.recordLine(), text),
                    r -> {
                        assertThat(r.getReject()).isNull();
                        posts.add(r.getPost());
                    });
        }
        return posts;
    }
}
