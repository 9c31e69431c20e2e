package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.TestClusters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real files carry besides their data: a byte-order mark in front of the header, rows of bare
 * separators from a spreadsheet re-save, and bad rows full of account ids and text that must not
 * leak into the rejects table.
 */
class QuirkyFilesITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    private static final String BOM = "\ufeff";
    private static final String COMPLAINT =
            "1,100,True,Tue Oct 31 10:00:00 +0000 2017,@AmazonHelp my parcel is lost,2,\n";
    private static final String REPLY =
            "2,AmazonHelp,False,Tue Oct 31 10:12:00 +0000 2017,@100 Sorry to hear that,,1.0\n";

    @TempDir Path dir;

    @Test
    void aByteOrderMarkInFrontOfTheHeaderCostsNothingAndColumnsAreReadByName() throws Exception {
        Path posts = dir.resolve("bom.csv");
        // Columns in another order than Kaggle's: only their names say which is which.
        Files.writeString(
                posts,
                BOM
                        + "in_response_to_tweet_id,text,created_at,inbound,author_id,tweet_id,"
                        + "response_tweet_id\n"
                        + ",@AmazonHelp my parcel is lost,Tue Oct 31 10:00:00 +0000 2017,True,100,1,2\n"
                        + "1,@100 Sorry to hear that,Tue Oct 31 10:12:00 +0000 2017,False,AmazonHelp,2,\n",
                StandardCharsets.UTF_8);
        Path events = dir.resolve("events-bom.csv");
        Files.writeString(
                events,
                BOM
                        + "ticket_id,brand,customer_id,social_handle,channel,event_type,status,"
                        + "occurred_at,post_ids\n"
                        + "T1,Amazon,C1,,phone,OPENED,new,2017-10-30T09:00:00Z,\n"
                        + "T1,Amazon,C1,,phone,RESOLVED,,2017-10-30T11:00:00Z,\n",
                StandardCharsets.UTF_8);
        Path output = dir.resolve("bom-tables");

        String report =
                BatchJobITCase.run(
                        "--input", posts.toString(),
                        "--events", events.toString(),
                        "--output", output.toString(),
                        "--parallelism", "2");

        assertThat(report)
                .as("no header read as a data row")
                .contains(
                        "Read 4 records (2 posts, 2 ticket events): 4 accepted, 0 rejected, 0 late");
        try (OutputReader duckdb = new OutputReader(output)) {
            assertThat(
                            duckdb.rows(
                                    "SELECT first_channel, seconds_to_first_reply,"
                                            + " seconds_to_full_resolution FROM "
                                            + duckdb.table("cases")
                                            + " ORDER BY 1"))
                    .extracting(Object::toString)
                    .containsExactly("[phone, null, 7200]", "[twitter, 720, null]");
        }
    }

    @Test
    void blankPaddingRowsAreCountedNotRejectedAndTheCountsReconcile() throws Exception {
        Path posts = dir.resolve("padded.csv");
        String header =
                ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,"
                        + "in_response_to_tweet_id\n";
        Files.writeString(
                posts,
                header
                        + "0,"
                        + COMPLAINT
                        + ",,,,,,,\n".repeat(400)
                        + "1,"
                        + REPLY
                        + "2,x3,101,True,Tue Oct 31 10:00:00 +0000 2017,bad id,,\n"
                        + ",,,,,,,\r\n".repeat(600)
                        + "\"\",,,, ,,,\n",
                StandardCharsets.UTF_8);
        Path output = dir.resolve("padded-tables");

        String report =
                BatchJobITCase.run(
                        "--input", posts.toString(),
                        "--output", output.toString(),
                        "--parallelism", "2");

        assertThat(report)
                .as("read 1,004 = 2 accepted + 1 rejected + 0 late + 1,001 blank")
                .contains(
                        "Read 1,004 posts: 2 accepted, 1 rejected, 0 late, 1,001 blank rows"
                                + " skipped;");
        try (OutputReader duckdb = new OutputReader(output)) {
            assertThat(duckdb.rows("SELECT position FROM " + duckdb.table("rejects")))
                    .extracting(r -> r.get(0))
                    .containsExactly(404L);
            assertThat(duckdb.count("SELECT count(replied_at) FROM " + duckdb.table("exchanges")))
                    .isEqualTo(1);
        }
    }

    private static final String SECRET_TEXT = "my card 4111 was charged twice";
    private static final String BAD_ROWS =
            "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                    + COMPLAINT
                    + "x3,555123,True,Tue Oct 31 10:00:00 +0000 2017,"
                    + SECRET_TEXT
                    + ",,\n"
                    + "4,555123,"
                    + SECRET_TEXT
                    + ",Tue Oct 31 10:00:00 +0000 2017,columns shifted,,\n"
                    + "5,555123,True,Tue Oct 31 10:00:00 +0000 2017,"
                    + SECRET_TEXT
                    + "\n";

    @Test
    void rejectsCarryNoRawAccountIdAndNoTextByDefault() throws Exception {
        Path posts = dir.resolve("secrets.csv");
        Files.writeString(posts, BAD_ROWS, StandardCharsets.UTF_8);
        Path output = dir.resolve("safe-tables");

        String report =
                runRejectDominated(
                        "--input", posts.toString(),
                        "--output", output.toString(),
                        "--parallelism", "2");

        assertThat(report).doesNotContain("--rejects-raw keeps raw records");
        try (OutputReader duckdb = new OutputReader(output)) {
            String rejects = duckdb.table("rejects");
            List<List<Object>> rows =
                    duckdb.rows("SELECT * EXCLUDE (source) FROM " + rejects + " ORDER BY position");
            assertThat(rows).hasSize(3);
            assertThat(rows)
                    .allSatisfy(
                            row ->
                                    assertThat(row.toString())
                                            .doesNotContain("555123")
                                            .doesNotContain("my card")
                                            .doesNotContain("charged"));
            String pseudonym = hmac(DEVELOPMENT_SALT, "customer", "twitter:555123");
            assertThat(
                            duckdb.rows(
                                    "SELECT position, customer_id, raw_text IS NULL FROM "
                                            + rejects
                                            + " ORDER BY position"))
                    .as("the author's pseudonym where the row's columns could be read")
                    .extracting(Object::toString)
                    .containsExactly(
                            "[3, " + pseudonym + ", true]",
                            "[4, " + pseudonym + ", true]",
                            "[5, null, true]");
            String[] lines = BAD_ROWS.split("\n");
            for (int line = 3; line <= 5; line++) {
                assertThat(
                                duckdb.count(
                                        "SELECT count(*) FROM "
                                                + rejects
                                                + " WHERE position = "
                                                + line
                                                + " AND record_sha256 = sha256('"
                                                + lines[line - 1].replace("'", "''")
                                                + "')"))
                        .as("line %d can be found again in the source by its hash", line)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void rejectsKeepTheRawRecordOnlyWhenAskedAndTheSummarySaysSo() throws Exception {
        Path posts = dir.resolve("secrets.csv");
        Files.writeString(posts, BAD_ROWS, StandardCharsets.UTF_8);
        Path output = dir.resolve("raw-tables");

        String report =
                runRejectDominated(
                        "--input",
                        posts.toString(),
                        "--output",
                        output.toString(),
                        "--parallelism",
                        "2",
                        "--rejects-raw");

        assertThat(report).contains("--rejects-raw keeps raw records");
        try (OutputReader duckdb = new OutputReader(output)) {
            assertThat(
                            duckdb.rows(
                                    "SELECT raw_text, reason FROM "
                                            + duckdb.table("rejects")
                                            + " ORDER BY position"))
                    .extracting(r -> r.get(0) + " | " + r.get(1))
                    .allSatisfy(r -> assertThat(r).contains("555123").contains(SECRET_TEXT));
        }
    }

    private static final String DEVELOPMENT_SALT = "squeaky-development-salt-not-secret";

    /** HMAC-SHA256 of the parts joined by the unit separator, first 128 bits in hex. */
    private static String hmac(String salt, String... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /**
     * Runs a file whose bad rows outnumber its good ones: the job writes every table, rejects
     * included, and then ends with the input-mismatch exit code and its one line.
     */
    private static String runRejectDominated(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                BatchJob.execute(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("more than it accepted");
        return out.toString(StandardCharsets.UTF_8);
    }
}
