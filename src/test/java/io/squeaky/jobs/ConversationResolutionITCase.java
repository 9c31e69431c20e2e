package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.TestClusters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Social cases resolved by their conversation: the customer's word, the brand's completed action
 * left standing, and one the customer disputes; their resolution endpoint in brand_metrics.
 */
class ConversationResolutionITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @TempDir Path dir;

    @Test
    void aConfirmedResolutionIsTheCasesResolutionAndCountsInTheStatistics() throws Exception {
        Path posts = dir.resolve("conversations.csv");
        Files.writeString(
                posts,
                "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                        + "1,100,True,Tue Oct 31 10:00:00 +0000 2017,@AppleSupport my apps won't update,2,\n"
                        + "2,AppleSupport,False,Tue Oct 31 10:10:00 +0000 2017,@100 Please update to iOS 11.1 and try again.,3,1\n"
                        + "3,100,True,Tue Oct 31 10:40:00 +0000 2017,@AppleSupport Worked 👌,,2\n"
                        + "11,101,True,Tue Oct 31 11:00:00 +0000 2017,@AmazonHelp where is my refund?,12,\n"
                        + "12,AmazonHelp,False,Tue Oct 31 11:30:00 +0000 2017,@101 We've issued a refund for the missing item.,,11\n"
                        + "21,102,True,Tue Oct 31 12:00:00 +0000 2017,@AmazonHelp where is my refund?,22,\n"
                        + "22,AmazonHelp,False,Tue Oct 31 12:20:00 +0000 2017,@102 We've issued a refund for the missing item.,23,21\n"
                        + "23,102,True,Tue Oct 31 13:00:00 +0000 2017,@AmazonHelp nothing on my card yet,,22\n",
                StandardCharsets.UTF_8);
        Path output = dir.resolve("tables");

        BatchJobITCase.run(
                "--input", posts.toString(),
                "--output", output.toString(),
                "--parallelism", "2");

        try (OutputReader duckdb = new OutputReader(output)) {
            assertThat(
                            duckdb.rows(
                                    "SELECT brand, outcome, outcome_source,"
                                            + " seconds_to_first_resolution,"
                                            + " seconds_to_full_resolution FROM "
                                            + duckdb.table("cases")
                                            + " ORDER BY opened_at"))
                    .extracting(Object::toString)
                    .containsExactly(
                            "[Apple, RESOLVED, CUSTOMER_CONFIRMATION, 2400, 2400]",
                            "[Amazon, RESOLVED, BRAND_CONFIRMATION, 1800, 1800]",
                            "[Amazon, REPLIED, SOCIAL_REPLY, null, null]");
            assertThat(
                            duckdb.rows(
                                    "SELECT brand, cases, events,"
                                            + " CASE WHEN brand = 'Apple' THEN median_seconds END"
                                            + " FROM "
                                            + duckdb.table("brand_metrics")
                                            + " WHERE endpoint = 'resolution' AND clock = 'calendar'"
                                            + " AND first_channel = 'all' AND pressure_bucket = 'ALL'"
                                            + " ORDER BY brand"))
                    .extracting(Object::toString)
                    .as("social cases followed for resolution; the disputed one censored")
                    .containsExactly("[Amazon, 2, 1, null]", "[Apple, 1, 1, 2400.0]");
        }
    }
}
