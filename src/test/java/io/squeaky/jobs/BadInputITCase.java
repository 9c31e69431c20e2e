package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.TestClusters;
import io.squeaky.flink.Counters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and repeated input: the job keeps every bad row and the counts reconcile; since bad rows
 * outnumber good ones here, the run ends with the input-mismatch exit code and one line.
 */
class BadInputITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    private static final String HEADER =
            "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n";

    @TempDir Path dir;

    @Test
    void badRowsLandInRejectsWithTheirReasonAndRepeatedPostsCountOnce() throws Exception {
        Path first = dir.resolve("in/part-1.csv");
        Path second = dir.resolve("in/part-2.csv");
        Files.createDirectories(first.getParent());
        Files.writeString(
                first,
                HEADER
                        + "1,100,True,Tue Oct 31 10:00:00 +0000 2017,@AmazonHelp my parcel is lost,2,\n"
                        + "2,AmazonHelp,False,Tue Oct 31 10:12:00 +0000 2017,@100 Sorry! Please DM us.,,1.0\n"
                        + "x3,101,True,Tue Oct 31 10:00:00 +0000 2017,bad id,,\n"
                        + "4,,True,Tue Oct 31 10:00:00 +0000 2017,no author,,\n"
                        + "5,101,Sometimes,Tue Oct 31 10:00:00 +0000 2017,bad inbound,,\n"
                        + "6,101,True,yesterday,bad time,,\n"
                        + "7,101,True,Tue Oct 31 10:00:00 +0000 2017,bad parent,,seven\n"
                        + "8,101,True\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                second,
                HEADER
                        // Both posts again, as overlapping exports deliver them.
                        + "1,100,True,Tue Oct 31 10:00:00 +0000 2017,@AmazonHelp my parcel is lost,2,\n"
                        + "2,AmazonHelp,False,Tue Oct 31 10:12:00 +0000 2017,@100 Sorry! Please DM us.,,1.0\n"
                        + "9,102,True,Tue Oct 31 11:00:00 +0000 2017,\"@AppleSupport unclosed quote,,\n",
                StandardCharsets.UTF_8);
        Path output = dir.resolve("tables");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit =
                BatchJob.execute(
                        new String[] {
                            "--input", dir.resolve("in").toString(),
                            "--output", output.toString(),
                            "--parallelism", "2"
                        },
                        new PrintStream(printed, true, StandardCharsets.UTF_8),
                        new PrintStream(errors, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(3);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "squeaky batch: rejected 7 of the 11 records read, more than it accepted;"
                                + " see the rejects table for the reasons\n");
        assertThat(output.resolve("cases/_SUCCESS"))
                .as("a mismatched run is not complete")
                .doesNotExist();

        try (OutputReader duckdb = new OutputReader(output)) {
            List<List<Object>> rejects =
                    duckdb.rows(
                            "SELECT regexp_extract(source, '[^/]+$'), position, reason, raw_text,"
                                    + " record_sha256 = sha256('x3,101,True,Tue Oct 31 10:00:00"
                                    + " +0000 2017,bad id,,')"
                                    + " FROM "
                                    + duckdb.table("rejects")
                                    + " ORDER BY 1, 2");
            assertThat(rejects)
                    .extracting(r -> r.get(0) + ":" + r.get(1))
                    .containsExactly(
                            "part-1.csv:4",
                            "part-1.csv:5",
                            "part-1.csv:6",
                            "part-1.csv:7",
                            "part-1.csv:8",
                            "part-1.csv:9",
                            "part-2.csv:4");
            assertThat(rejects)
                    .extracting(r -> (String) r.get(2))
                    .satisfiesExactly(
                            r -> assertThat(r).contains("tweet_id"),
                            r -> assertThat(r).contains("author_id"),
                            r -> assertThat(r).contains("inbound"),
                            r -> assertThat(r).contains("timestamp"),
                            r -> assertThat(r).contains("in_response_to_tweet_id"),
                            r -> assertThat(r).contains("fields"),
                            r -> assertThat(r).contains("unterminated"));
            assertThat(rejects.get(0).get(3)).as("no raw record by default").isNull();
            assertThat(rejects.get(0).get(4))
                    .as("its hash, as DuckDB computes it from the line")
                    .isEqualTo(true);

            List<Object> theCase =
                    duckdb.rows(
                                    "SELECT brand, customer_posts, brand_replies, exchanges,"
                                            + " seconds_to_first_reply, outcome FROM "
                                            + duckdb.table("cases"))
                            .get(0);
            assertThat(theCase).containsExactly("Amazon", 1, 1, 1, 720L, "HANDED_OFF_PRIVATE");
            assertThat(duckdb.count("SELECT count(*) FROM " + duckdb.table("cases"))).isEqualTo(1);
            assertThat(duckdb.count("SELECT count(*) FROM " + duckdb.table("exchanges")))
                    .isEqualTo(1);
        }
        assertThat(report)
                .contains(
                        "Read 11 posts: 4 accepted, 7 rejected, 0 late, 0 blank rows skipped;"
                                + " 2 duplicate posts dropped.");
        assertThat(Counters.READ).isEqualTo("posts-read");
    }
}
