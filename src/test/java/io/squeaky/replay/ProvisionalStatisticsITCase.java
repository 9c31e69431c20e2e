package io.squeaky.replay;

import static io.squeaky.DuckDb.count;
import static io.squeaky.DuckDb.rows;
import static io.squeaky.SameRows.assertSameRows;
import static io.squeaky.replay.ReplayFiles.arguments;
import static io.squeaky.replay.ReplayFiles.quiet;
import static io.squeaky.replay.ReplayFiles.writeEventsAsJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.LatestStatisticsView;
import io.squeaky.TestClusters;
import io.squeaky.generate.CrossChannelGenerator;
import io.squeaky.jobs.BatchConfig;
import io.squeaky.jobs.BatchJob;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import io.squeaky.kafka.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streaming job reading a generated data set from a real Kafka broker writes provisional rows
 * while it runs: within one provisional interval of event time after the data arrives, and, as of
 * an instant in the middle of the data, the same rows as the batch job cut there with {@code
 * --as-of}, in all five companion tables.
 */
class ProvisionalStatisticsITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    private static final Duration EVERY = Duration.ofHours(6);
    private static final Duration OUT_OF_ORDER = Duration.ofMinutes(10);

    /** The rows of a statistics window: a brand's period, or a period of the study. */
    private static final Map<String, String> WINDOW =
            Map.of(
                    "brand_metrics", "brand, period_start",
                    "pressure_effect", "brand, period_start",
                    "equity", "brand, period_start",
                    "brand_hours", "brand, period_start",
                    "effects", "period_start");

    @TempDir Path dir;

    @Test
    void provisionalRowsAppearWhileTheJobRunsAndEqualTheBatchRunCutAtTheSameInstant()
            throws Exception {
        Path data = dir.resolve("data");
        CrossChannelGenerator.main(
                new String[] {"--output", data.toString(), "--cases", "800", "--seed", "33"});
        Path posts = data.resolve("posts/posts.jsonl");
        Path events = dir.resolve("events/events.jsonl");
        writeEventsAsJson(data.resolve("desk/events.csv"), events, new long[] {0});
        KAFKA.createTopic("provisional.posts", 2);
        KAFKA.createTopic("provisional.events", 2);
        List<String> shared =
                List.of(
                        "--brands",
                        data.resolve("truth/brands.csv").toString(),
                        "--schedules",
                        data.resolve("truth/schedules.json").toString(),
                        "--max-case-length",
                        "4d",
                        "--period",
                        "week",
                        "--parallelism",
                        "2");

        Path stream = dir.resolve("stream");
        JobClient job =
                startUnbounded(
                        arguments(
                                shared,
                                "--bootstrap-servers",
                                KAFKA.bootstrapServers(),
                                "--posts-topic",
                                "provisional.posts",
                                "--events-topic",
                                "provisional.events",
                                "--group-id",
                                "provisional",
                                "--provisional-every",
                                "6h",
                                "--checkpoint-interval",
                                "1s",
                                // Rows read while the job runs: visible at each checkpoint,
                                // not after a merge interval (CompactedFilesITCase covers that).
                                "--compact-every",
                                "0s",
                                "--output",
                                stream.toString()));
        ReplayRun.Result replay =
                ReplayRun.replay(
                        KAFKA.bootstrapServers(),
                        posts,
                        data.resolve("desk/events.csv"),
                        "provisional.posts",
                        "provisional.events",
                        1_000_000);
        // A last message on every partition, a minute after the data: with it, every partition
        // has moved on, and the watermark reaches the data's end without waiting for idleness
        // (a partition marked idle too early would make later data late).
        long end = replay.lastEventTime() + 60_000;
        for (int partition = 0; partition < 2; partition++) {
            KAFKA.send("provisional.posts", partition, List.of(sentinelPost(partition, end)));
            KAFKA.send("provisional.events", partition, List.of(sentinelEvent(partition, end)));
        }
        long expected = end - OUT_OF_ORDER.toMillis() - EVERY.toMillis();
        try {
            awaitProvisionalAsOf(stream, expected, Duration.ofMinutes(4));
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }

        assertLatestView(stream);

        long cut = instantWrittenToEveryTable(stream, replay);
        Path batch = dir.resolve("batch");
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
                                "--as-of",
                                Instant.ofEpochMilli(cut).toString(),
                                "--output",
                                batch.toString())),
                quiet());

        for (String table : WINDOW.keySet()) {
            String provisional = table + "_provisional";
            String window = WINDOW.get(table);
            String inStream =
                    "(SELECT * EXCLUDE (as_of) FROM "
                            + parquet(stream, provisional)
                            + " WHERE as_of = epoch_ms("
                            + cut
                            + "))";
            // The windows the stream computed as of the cut: catching up, a window computes
            // as of the latest instant each advance of the watermark passes, not every one.
            String inBatch =
                    "(SELECT * EXCLUDE (as_of) FROM "
                            + parquet(batch, provisional)
                            + " WHERE ("
                            + window
                            + ") IN (SELECT ("
                            + window
                            + ") FROM "
                            + inStream
                            + "))";
            assertThat(count("SELECT count(*) FROM " + inStream)).as(table).isPositive();
            for (Path run : List.of(stream, batch)) {
                assertThat(
                                count(
                                        "SELECT count(*) FROM read_parquet('"
                                                + run.resolve(provisional)
                                                + "/dt=*/[!.]*.parquet', hive_partitioning = true)"
                                                + " WHERE dt <> CAST(epoch_ms(epoch_ms(as_of))"
                                                + " AS DATE)"))
                        .as("%s: every row in the partition of its as_of's UTC date", provisional)
                        .isZero();
            }
            assertThat(
                            count(
                                    "SELECT count(*) FROM "
                                            + parquet(batch, provisional)
                                            + " WHERE as_of <> epoch_ms("
                                            + cut
                                            + ")"))
                    .as("%s: a cut run writes as of its cut only", table)
                    .isZero();
            assertSameRows(
                    table,
                    inBatch,
                    "the batch run cut at the instant",
                    inStream,
                    "the streaming run as of the instant");
            if (!hasParquet(batch.resolve(table))) {
                // A cut before any period of this table was final writes no final rows.
                continue;
            }
            String perPeriod = table.equals("effects") ? " WHERE period <> 'all'" : "";
            assertThat(
                            rows(
                                    "(SELECT * FROM "
                                            + parquet(batch, table)
                                            + perPeriod
                                            + " EXCEPT ALL SELECT * FROM "
                                            + parquet(stream, table)
                                            + ") LIMIT 5"))
                    .as("%s: the cut run's final rows are the stream's final rows", table)
                    .isEmpty();
        }
    }

    /**
     * A provisional instant near the middle of the data that every companion table has rows as of,
     * so that one batch run cut there checks all five.
     */
    private static long instantWrittenToEveryTable(Path stream, ReplayRun.Result replay)
            throws Exception {
        StringBuilder common = new StringBuilder();
        for (String table : WINDOW.keySet()) {
            common.append(common.isEmpty() ? "" : " INTERSECT ")
                    .append("SELECT DISTINCT epoch_ms(as_of) AS instant FROM ")
                    .append(parquet(stream, table + "_provisional"));
        }
        long middle = (replay.firstEventTime() + replay.lastEventTime()) / 2;
        List<List<Object>> nearest =
                rows(
                        "SELECT instant FROM ("
                                + common
                                + ") ORDER BY abs(instant - "
                                + middle
                                + ") LIMIT 1");
        assertThat(nearest).as("an instant written to all five tables").isNotEmpty();
        return ((Number) nearest.get(0).get(0)).longValue();
    }

    /**
     * The committed view over the streaming run's tables: one status per window, one instant per
     * provisional window, final windows and windows still provisional at the end both present.
     */
    private static void assertLatestView(Path stream) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            for (String table : WINDOW.keySet()) {
                for (String name : List.of(table, table + "_provisional")) {
                    sql.execute(
                            "CREATE VIEW " + name + " AS SELECT * FROM " + parquet(stream, name));
                }
            }
            LatestStatisticsView.create(duckdb);
            for (Map.Entry<String, String> table : WINDOW.entrySet()) {
                String latest = table.getKey() + "_latest";
                String window = table.getValue();
                try (ResultSet mixed =
                        sql.executeQuery(
                                "SELECT count(*) FROM (SELECT "
                                        + window
                                        + " FROM "
                                        + latest
                                        + " GROUP BY "
                                        + window
                                        + " HAVING count(DISTINCT status) > 1"
                                        + " OR count(DISTINCT as_of) > 1)")) {
                    mixed.next();
                    assertThat(mixed.getLong(1)).as("%s: windows mixing rows", latest).isZero();
                }
                try (ResultSet statuses =
                        sql.executeQuery("SELECT count(DISTINCT status) FROM " + latest)) {
                    statuses.next();
                    assertThat(statuses.getLong(1))
                            .as("%s: final and provisional", latest)
                            .isEqualTo(2);
                }
            }
        }
    }

    /** A post by a customer of no brand: it moves event time on and opens no case. */
    private static String sentinelPost(int partition, long at) {
        String id = "9" + partition + "000001";
        String author = "sentinel" + partition;
        return "{\"data\":{\"id\":\""
                + id
                + "\",\"author_id\":\""
                + author
                + "\",\"created_at\":\""
                + Instant.ofEpochMilli(at)
                + "\",\"text\":\"still waiting\"},\"includes\":{\"users\":[{\"id\":\""
                + author
                + "\",\"username\":\""
                + author
                + "\",\"public_metrics\":{\"followers_count\":42}}]},\"matching_rules\":[]}";
    }

    private static String sentinelEvent(int partition, long at) {
        return "{\"ticket_id\":\"9900000"
                + partition
                + "\",\"brand\":\"Acme Air\",\"customer_id\":\"9900000"
                + partition
                + "\",\"channel\":\"email\",\"event_type\":\"OPENED\",\"status\":\"new\","
                + "\"occurred_at\":\""
                + Instant.ofEpochMilli(at)
                + "\",\"post_ids\":[]}";
    }

    private static boolean hasParquet(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var files = Files.walk(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }

    private static String parquet(Path output, String table) {
        return "read_parquet('" + output.resolve(table) + "/dt=*/[!.]*.parquet')";
    }

    private static void awaitProvisionalAsOf(Path stream, long asOf, Duration patience)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Path table = stream.resolve("brand_metrics_provisional");
        while (System.nanoTime() < deadline) {
            if (committed(table)) {
                Object latest =
                        rows("SELECT epoch_ms(max(as_of)) FROM "
                                        + parquet(stream, "brand_metrics_provisional"))
                                .get(0)
                                .get(0);
                if (latest instanceof Number n && n.longValue() >= asOf) {
                    // Two more checkpoints: every row up to that instant is committed.
                    Thread.sleep(2500);
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "no provisional rows as of " + Instant.ofEpochMilli(asOf) + " within " + patience);
    }

    /** Whether a table has a committed part file (in-progress ones are hidden). */
    private static boolean committed(Path table) throws Exception {
        if (!Files.isDirectory(table)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(table)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".parquet") && !name.startsWith("."));
        }
    }

    private static JobClient startUnbounded(String[] args) throws Exception {
        StreamingConfig config = StreamingConfig.fromArgs(args);
        CompletableFuture<JobClient> started = new CompletableFuture<>();
        CompletableFuture.runAsync(
                () -> {
                    try {
                        StreamingJob.run(config, quiet(), started::complete);
                    } catch (Exception e) {
                        started.completeExceptionally(e);
                    }
                });
        return started.get(60, TimeUnit.SECONDS);
    }
}
