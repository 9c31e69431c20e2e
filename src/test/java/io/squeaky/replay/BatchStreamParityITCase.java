package io.squeaky.replay;

import static io.squeaky.DuckDb.count;
import static io.squeaky.DuckDb.rows;
import static io.squeaky.SameRows.assertSameRows;
import static io.squeaky.replay.ReplayFiles.arguments;
import static io.squeaky.replay.ReplayFiles.quiet;
import static io.squeaky.replay.ReplayFiles.writeEventsAsJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.TestClusters;
import io.squeaky.generate.CrossChannelGenerator;
import io.squeaky.jobs.BatchConfig;
import io.squeaky.jobs.BatchJob;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import io.squeaky.kafka.KafkaBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same generated data set, once through the batch job from files and once through the streaming
 * job from a real Kafka broker, gives the same rows in the case and exchange tables, in all four
 * statistics tables, bootstrap intervals included, in {@code case_intervals} and in the per-period
 * rows of {@code effects}, Cox estimates included. The {@code effects} rows over the whole input
 * ({@code period = 'all'}) exist in the batch run only: a stream has no end to fit them at.
 */
class BatchStreamParityITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir Path dir;

    @Test
    void batchFromFilesAndStreamingFromKafkaWriteTheSameRows() throws Exception {
        Path data = dir.resolve("data");
        CrossChannelGenerator.main(
                new String[] {"--output", data.toString(), "--cases", "800", "--seed", "33"});
        Path posts = data.resolve("posts/posts.jsonl");
        Path events = dir.resolve("events/events.jsonl");
        long[] skipped = {0};
        writeEventsAsJson(data.resolve("desk/events.csv"), events, skipped);

        KAFKA.createTopic("parity.posts", 2);
        KAFKA.createTopic("parity.events", 2);
        Properties producer = new Properties();
        producer.put("bootstrap.servers", KAFKA.bootstrapServers());
        ReplayProducer.replay(
                new EventTimeMerge(
                        List.of(
                                ArchiveMessages.posts(posts, "parity.posts", skipped),
                                ArchiveMessages.events(
                                        data.resolve("desk/events.csv"), "parity.events", skipped)),
                        10_000),
                producer,
                0,
                1_000_000);

        List<String> shared =
                List.of(
                        "--brands",
                        data.resolve("truth/brands.csv").toString(),
                        "--schedules",
                        data.resolve("truth/schedules.json").toString(),
                        // Short cases let the streaming run fire the windows of the first three
                        // weeks long before its input ends, so parity covers windows fired
                        // mid-stream; weeks give groups large enough for bootstrap intervals.
                        "--max-case-length",
                        "4d",
                        "--period",
                        "week",
                        "--parallelism",
                        "2");
        Path batch = dir.resolve("batch");
        Path stream = dir.resolve("stream");
        BatchJob.run(
                BatchConfig.fromArgs(
                        arguments(
                                shared,
                                "--input",
                                posts.toString(),
                                "--format",
                                "twitter-v2",
                                "--events",
                                events.toString(),
                                "--events-format",
                                "service-desk-jsonl",
                                "--output",
                                batch.toString())),
                quiet());
        StreamingJob.run(
                StreamingConfig.fromArgs(
                        arguments(
                                shared,
                                "--bootstrap-servers",
                                KAFKA.bootstrapServers(),
                                "--posts-topic",
                                "parity.posts",
                                "--events-topic",
                                "parity.events",
                                "--group-id",
                                "parity",
                                "--bounded",
                                "--checkpoint-interval",
                                "1s",
                                "--output",
                                stream.toString())),
                quiet());

        assertThat(
                        rows(
                                "SELECT count(*) - count(DISTINCT case_id) FROM read_parquet('"
                                        + batch.resolve("cases")
                                        + "/dt=*/[!.]*.parquet')"))
                .as("one row per case id, tickets cut at the maximum case length included")
                .containsExactly(List.of(0L));
        for (String table :
                List.of(
                        "cases",
                        "exchanges",
                        "brand_metrics",
                        "pressure_effect",
                        "equity",
                        "brand_hours",
                        "case_intervals",
                        "effects")) {
            String perPeriod = table.equals("effects") ? " WHERE period <> 'all'" : "";
            String inBatch =
                    "(SELECT * FROM read_parquet('"
                            + batch.resolve(table)
                            + "/dt=*/[!.]*.parquet')"
                            + perPeriod
                            + ")";
            String inStream = "read_parquet('" + stream.resolve(table) + "/dt=*/[!.]*.parquet')";
            assertThat(count("SELECT count(*) FROM " + inBatch)).as(table).isPositive();
            assertSameRows(table, inBatch, "the batch run", inStream, "the streaming run");
        }
        String effects = "/dt=*/[!.]*.parquet') WHERE scope = 'study' AND lower_95 IS NOT NULL";
        assertThat(
                        count(
                                "SELECT count(*) FROM read_parquet('"
                                        + stream.resolve("effects")
                                        + effects))
                .as("study-level hazard ratios with an interval, per week, streamed")
                .isPositive();
        assertThat(
                        count(
                                "SELECT count(*) FROM read_parquet('"
                                        + batch.resolve("effects")
                                        + effects
                                        + " AND period = 'all'"))
                .as("the batch run's study-level hazard ratios over the whole input")
                .isPositive();
        assertThat(
                        count(
                                "SELECT count(*) FROM read_parquet('"
                                        + stream.resolve("effects")
                                        + "/dt=*/[!.]*.parquet') WHERE period = 'all'"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM read_parquet('"
                                        + stream.resolve("pressure_effect")
                                        + "/dt=*/[!.]*.parquet') WHERE ratio_lower IS NOT NULL"))
                .as(
                        "comparisons with a bootstrap interval: %s",
                        rows(
                                "SELECT comparison, count(*), count(ratio_lower), max(group_cases)"
                                        + " FROM read_parquet('"
                                        + stream.resolve("pressure_effect")
                                        + "/dt=*/[!.]*.parquet') GROUP BY ALL"))
                .isPositive();
    }
}
