package io.squeaky.kafka;

import static io.squeaky.DuckDb.rows;
import static io.squeaky.kafka.KafkaInputITCase.complaint;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.flink.Counters;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late, broken and repeated messages, a partition that never speaks, and one that speaks too late.
 */
class LateAndQuietITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(
                                    Configuration.fromMap(Map.of("heartbeat.interval", "500 ms")))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir Path dir;

    @Test
    void lateBrokenAndRepeatedMessagesAreAllAccountedFor(
            @InjectClusterClient ClusterClient<?> client) throws Exception {
        KAFKA.createTopic("posts-late", 1);
        KAFKA.send(
                "posts-late",
                0,
                List.of(
                        complaint("1", 1, "2017-10-02T10:00:00.000Z", "@AmazonHelp lost parcel"),
                        complaint("2", 2, "2017-10-02T12:00:00.000Z", "@AmazonHelp wrong item")));
        Path output = dir.resolve("late");
        CompletableFuture<Void> job = startUnbounded("posts-late", "late-test", output);
        try {
            waitForJobToRead(client, 2);
            // A pause longer than --idleness: the subtask without a partition goes idle, so
            // admission judges by the one that reads, and then the whole job goes idle. What
            // comes after the pause must still find its cases.
            Thread.sleep(5_000);
            // The watermark now stands near 12:00 less the bound; these come after it.
            KAFKA.send(
                    "posts-late",
                    0,
                    List.of(
                            complaint(
                                    "3",
                                    3,
                                    "2017-10-02T09:00:00.000Z",
                                    "@AmazonHelp three hours late"),
                            "{\"data\": [",
                            "{\"data\":{\"id\":\"4\",\"author_id\":\"u4\",\"text\":\"no time\"}}",
                            // Sent again while still within the bound: dropped as a duplicate.
                            complaint("2", 2, "2017-10-02T12:00:00.000Z", "@AmazonHelp wrong item"),
                            complaint(
                                    "5",
                                    5,
                                    "2017-10-10T12:00:00.000Z",
                                    "@AmazonHelp eight days later")));
            awaitParquet(output.resolve("cases"));
            awaitParquet(output.resolve("late"));
            awaitParquet(output.resolve("rejects"));
            Map<String, Object> counts = waitForJobToRead(client, 7);

            assertThat(counts)
                    .containsEntry(Counters.READ, 7L)
                    .containsEntry(Counters.ACCEPTED, 4L)
                    .containsEntry(Counters.REJECTED, 2L)
                    .containsEntry(Counters.LATE, 1L)
                    .containsEntry(Counters.DUPLICATES, 1L);
            assertThat(
                            rows(
                                    "SELECT record_id, lateness_seconds > 0 FROM read_parquet('"
                                            + output
                                            + "/late/dt=*/[!.]*.parquet')"))
                    .extracting(Object::toString)
                    .containsExactly("[twitter:3, true]");
            assertThat(
                            rows(
                                    "SELECT post.author_id, post.author_handle, post.text FROM"
                                            + " read_parquet('"
                                            + output
                                            + "/late/dt=*/[!.]*.parquet')"))
                    .as("the late table keeps the customer's pseudonym, no account id or text")
                    .singleElement()
                    .satisfies(
                            row -> {
                                assertThat((String) row.get(0))
                                        .isNotEqualTo("u3")
                                        .doesNotContain("cust3");
                                assertThat(row.get(1)).isNull();
                                assertThat(row.get(2)).isNull();
                            });
            assertThat(
                            rows(
                                    "SELECT position, reason FROM read_parquet('"
                                            + output
                                            + "/rejects/dt=*/[!.]*.parquet') ORDER BY 1"))
                    .extracting(r -> r.get(0) + ":" + ((String) r.get(1)).split(":")[0])
                    .containsExactly("3:malformed JSON", "4:tweet without created_at");
            String cases =
                    "SELECT count(*), count(DISTINCT customer_id) FROM read_parquet('"
                            + output
                            + "/cases/dt=*/[!.]*.parquet')";
            // The two cases close on the two subtasks, whose files may land a checkpoint apart.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!rows(cases).toString().equals("[[2, 2]]") && System.nanoTime() < deadline) {
                Thread.sleep(300);
            }
            assertThat(rows(cases))
                    .extracting(Object::toString)
                    .as(
                            "the two October 2 complaints, once each, closed by the post after"
                                    + " their 7-day reply windows")
                    .containsExactly("[2, 2]");
        } finally {
            cancelAll(client, job);
        }
    }

    @Test
    void anIdlePartitionDoesNotHoldBackTheWatermarkSoQuietCasesCloseWhileRunning(
            @InjectClusterClient ClusterClient<?> client) throws Exception {
        Path output = dir.resolve("quiet");
        CompletableFuture<Void> job = startOnPartitionZeroOfTwo("posts-quiet", output);
        try {
            Path cases = output.resolve("cases");
            awaitParquet(cases);
            assertThat(
                            rows(
                                    "SELECT closed_by, CAST(censored_at AT TIME ZONE 'UTC' AS VARCHAR) FROM read_parquet('"
                                            + cases
                                            + "/dt=*/[!.]*.parquet')"))
                    .extracting(Object::toString)
                    .containsExactly("[INACTIVITY, 2017-10-05 10:00:00]");
            Path metrics = output.resolve("brand_metrics");
            awaitParquet(metrics);
            assertThat(
                            rows(
                                    "SELECT CAST(period_start AT TIME ZONE 'UTC' AS VARCHAR), cases,"
                                            + " events, censored FROM read_parquet('"
                                            + metrics
                                            + "/dt=*/[!.]*.parquet') WHERE first_channel = 'all'"
                                            + " AND pressure_bucket = 'ALL' AND clock = 'calendar'"
                                            + " AND endpoint = 'first_reply'"))
                    .as("2 October's window fired on the watermark; 6 October's is still open")
                    .extracting(Object::toString)
                    .containsExactly("[2017-10-02 00:00:00, 1, 0, 1]");
        } finally {
            cancelAll(client, job);
        }
    }

    /**
     * A partition silent past --idleness that comes back behind the others: its old posts are
     * behind the job's watermark, which moved on without it, so they are late, counted and kept,
     * not admitted into cases that have already closed downstream.
     */
    @Test
    void postsOfAPartitionThatComesBackBehindTheOthersAreLateNotLost(
            @InjectClusterClient ClusterClient<?> client) throws Exception {
        Path output = dir.resolve("stall");
        CompletableFuture<Void> job = startOnPartitionZeroOfTwo("posts-stall", output);
        try {
            // The first case closes when the watermark passes 5 October 10:00: event time has
            // moved on without partition 1, idle since the start.
            awaitParquet(output.resolve("cases"));
            KAFKA.send(
                    "posts-stall",
                    1,
                    List.of(
                            complaint(
                                    "3",
                                    3,
                                    "2017-10-02T11:00:00.000Z",
                                    "@AmazonHelp partition one speaks at last")));
            awaitParquet(output.resolve("late"));
            Map<String, Object> counts = waitForJobToRead(client, 3);

            assertThat(counts)
                    .containsEntry(Counters.READ, 3L)
                    .containsEntry(Counters.ACCEPTED, 2L)
                    .containsEntry(Counters.LATE, 1L);
            assertThat(
                            rows(
                                    "SELECT record_id, reason FROM read_parquet('"
                                            + output
                                            + "/late/dt=*/[!.]*.parquet')"))
                    .singleElement()
                    .satisfies(
                            row -> {
                                assertThat(row.get(0)).isEqualTo("twitter:3");
                                assertThat((String) row.get(1)).contains("--idleness");
                            });
        } finally {
            cancelAll(client, job);
        }
    }

    /**
     * A topic of two partitions, a complaint on 2 and one on 6 October on partition 0, partition 1
     * silent, and the job on it. Cases last at most the gap (an unanswered post waits no longer for
     * its reply either), so the first case and the statistics of 2 October are due at the end of 5
     * October, which the watermark passes while the job runs.
     */
    private static CompletableFuture<Void> startOnPartitionZeroOfTwo(String topic, Path output)
            throws Exception {
        KAFKA.createTopic(topic, 2);
        KAFKA.send(
                topic,
                0,
                List.of(
                        complaint("1", 1, "2017-10-02T10:00:00.000Z", "@AmazonHelp hello?"),
                        complaint("2", 2, "2017-10-06T10:00:00.000Z", "@AmazonHelp days later")));
        return startUnbounded(
                topic,
                topic + "-test",
                output,
                "--max-case-length",
                "72h",
                "--reply-window",
                "72h");
    }

    private static CompletableFuture<Void> startUnbounded(
            String topic, String group, Path output, String... options) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--bootstrap-servers", KAFKA.bootstrapServers(),
                                "--posts-topic", topic,
                                "--events-topic", "",
                                "--group-id", group,
                                "--idleness", "1s",
                                "--out-of-order", "10m",
                                "--checkpoint-interval", "1s",
                                // Files are counted while the job runs: visible at each
                                // checkpoint, not after a merge interval.
                                "--compact-every", "0s",
                                "--output", output.toString(),
                                "--parallelism", "2"));
        args.addAll(List.of(options));
        StreamingConfig config = StreamingConfig.fromArgs(args.toArray(String[]::new));
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        StreamingJob.run(config, new PrintStream(OutputStream.nullOutputStream()));
                    } catch (Exception cancelled) {
                        // An unbounded job ends by being cancelled.
                    }
                });
    }

    /** Waits until the running job has read this many records, and returns its counts. */
    private static Map<String, Object> waitForJobToRead(ClusterClient<?> client, long records)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (JobStatusMessage job : client.listJobs().get()) {
                if (job.getJobState() == JobStatus.RUNNING) {
                    Map<String, Object> counts = client.getAccumulators(job.getJobId()).get();
                    if (counts.get(Counters.READ) instanceof Long read && read >= records) {
                        return counts;
                    }
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the job did not read " + records + " records in time");
    }

    private static void awaitParquet(Path table) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (parquetFiles(table) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(300);
        }
        assertThat(parquetFiles(table)).as("files in %s", table).isPositive();
    }

    private static void cancelAll(ClusterClient<?> client, CompletableFuture<Void> job)
            throws Exception {
        for (JobStatusMessage running : client.listJobs().get()) {
            if (!running.getJobState().isGloballyTerminalState()) {
                client.cancel(running.getJobId()).get();
            }
        }
        job.join();
    }

    private static long parquetFiles(Path table) throws Exception {
        if (!Files.isDirectory(table)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(table)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .count();
        }
    }
}
