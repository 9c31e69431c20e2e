package io.squeaky.kafka;

import static io.squeaky.DuckDb.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.TestClusters;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The streaming job against a real broker: posts and events in, bad messages kept. */
class KafkaInputITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir Path dir;

    @Test
    void postsAndTicketEventsFromKafkaMakeCasesAndBadMessagesAreRejectedWithTheirOffset()
            throws Exception {
        KAFKA.createTopic("posts-1", 2);
        KAFKA.createTopic("events-1", 1);
        KAFKA.send(
                "posts-1",
                0,
                List.of(
                        complaint(
                                "1", 1, "2017-10-02T10:00:00.000Z", "@AmazonHelp my order is lost"),
                        "{broken json",
                        tweet(
                                "2",
                                "b1",
                                "AmazonHelp",
                                "2017-10-02T10:12:00.000Z",
                                "1",
                                "@cust1 sorry, please DM us")));
        KAFKA.send(
                "posts-1",
                1,
                List.of(complaint("3", 2, "2017-10-02T11:00:00.000Z", "@AmazonHelp hello?")));
        KAFKA.send(
                "events-1",
                0,
                List.of(
                        "{\"ticket_id\":\"T9\",\"brand\":\"Amazon\",\"customer_id\":\"C2\","
                                + "\"social_handle\":\"cust2\",\"channel\":\"phone\",\"event_type\":\"OPENED\","
                                + "\"occurred_at\":\"2017-10-02T09:00:00Z\"}",
                        "{\"ticket_id\":\"T9\",\"brand\":\"Amazon\",\"customer_id\":\"C2\","
                                + "\"social_handle\":\"cust2\",\"channel\":\"phone\",\"event_type\":\"RESOLVED\","
                                + "\"occurred_at\":\"2017-10-02T12:00:00Z\"}"));
        Path output = dir.resolve("tables");

        String report =
                run(
                        "--bootstrap-servers",
                        KAFKA.bootstrapServers(),
                        "--posts-topic",
                        "posts-1",
                        "--events-topic",
                        "events-1",
                        "--group-id",
                        "kafka-input-test",
                        "--bounded",
                        "--checkpoint-interval",
                        "1s",
                        "--output",
                        output.toString(),
                        "--parallelism",
                        "2");

        assertThat(report)
                .contains(
                        "Read 6 records (4 posts, 2 ticket events): 5 accepted, 1 rejected, 0 late");
        List<List<Object>> cases =
                rows(
                        "SELECT ticket_id, first_channel, escalated, outcome, seconds_to_first_reply"
                                + " FROM read_parquet('"
                                + output
                                + "/cases/dt=*/[!.]*.parquet')"
                                + " ORDER BY ticket_id NULLS FIRST");
        assertThat(cases)
                .extracting(Object::toString)
                .containsExactly(
                        "[null, twitter, false, HANDED_OFF_PRIVATE, 720]",
                        "[T9, phone, true, RESOLVED, null]");
        assertThat(
                        rows(
                                "SELECT source, position, reason, raw_text IS NULL,"
                                        + " record_sha256 = sha256('{broken json')"
                                        + " FROM read_parquet('"
                                        + output
                                        + "/rejects/dt=*/[!.]*.parquet')"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.get(0)).isEqualTo("posts-1/0");
                            assertThat(r.get(1)).isEqualTo(1L);
                            assertThat((String) r.get(2)).startsWith("malformed JSON");
                            assertThat(r.get(3)).as("no raw message by default").isEqualTo(true);
                            assertThat(r.get(4)).as("the message's hash").isEqualTo(true);
                        });
    }

    /** A customer's complaint: a root tweet by account u<customer> named cust<customer>. */
    static String complaint(String id, int customer, String createdAt, String text) {
        return tweet(id, "u" + customer, "cust" + customer, createdAt, null, text);
    }

    static String tweet(
            String id,
            String authorId,
            String username,
            String createdAt,
            String parent,
            String text) {
        String reference =
                parent == null
                        ? ""
                        : ",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\""
                                + parent
                                + "\"}]";
        return "{\"data\":{\"id\":\""
                + id
                + "\",\"author_id\":\""
                + authorId
                + "\",\"created_at\":\""
                + createdAt
                + "\",\"text\":\""
                + text
                + "\""
                + reference
                + "},"
                + "\"includes\":{\"users\":[{\"id\":\""
                + authorId
                + "\",\"username\":\""
                + username
                + "\",\"public_metrics\":{\"followers_count\":42}}]},\"matching_rules\":[]}";
    }

    static String run(String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            StreamingJob.run(StreamingConfig.fromArgs(args), out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
