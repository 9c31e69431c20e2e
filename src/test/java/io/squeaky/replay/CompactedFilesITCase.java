package io.squeaky.replay;

import static io.squeaky.DuckDb.count;
import static io.squeaky.DuckDb.rows;
import static io.squeaky.SameRows.assertSameRows;
import static io.squeaky.replay.ReplayFiles.arguments;
import static io.squeaky.replay.ReplayFiles.quiet;
import static io.squeaky.replay.ReplayFiles.writeEventsAsJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.DuckDb;
import io.squeaky.TestClusters;
import io.squeaky.flink.OutputTables;
import io.squeaky.generate.CrossChannelGenerator;
import io.squeaky.jobs.BatchConfig;
import io.squeaky.jobs.BatchJob;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import io.squeaky.kafka.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A week of simulated cases replayed from a real Kafka broker through the streaming job with short
 * checkpoints and file compaction: the tables end with a few files per partition, and DuckDB,
 * reading them the way the README says while the job runs, never fails on a file, never sees a row
 * twice and never sees rows vanish; at the end every table holds exactly the batch run's rows.
 */
class CompactedFilesITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    /** At 300 ms, a run of this size commits about a hundred checkpoints. */
    private static final String CHECKPOINT_INTERVAL = "300ms";

    /** Short enough to merge many times during the run, long enough to leave few files. */
    private static final String COMPACT_EVERY = "5s";

    @TempDir Path dir;

    @Test
    void aReplayOfAWeekLeavesFewFilesPerPartitionAlwaysReadableAndTheRowsOfTheBatchRun()
            throws Exception {
        Path data = dir.resolve("data");
        CrossChannelGenerator.main(
                new String[] {
                    "--output", data.toString(), "--cases", "3000", "--days", "7", "--seed", "14"
                });
        Path posts = data.resolve("posts/posts.jsonl");
        Path events = dir.resolve("events/events.jsonl");
        long[] skipped = {0};
        writeEventsAsJson(data.resolve("desk/events.csv"), events, skipped);
        KAFKA.createTopic("compact.posts", 2);
        KAFKA.createTopic("compact.events", 2);
        Properties producer = new Properties();
        producer.put("bootstrap.servers", KAFKA.bootstrapServers());
        ReplayProducer.replay(
                new EventTimeMerge(
                        List.of(
                                ArchiveMessages.posts(posts, "compact.posts", skipped),
                                ArchiveMessages.events(
                                        data.resolve("desk/events.csv"),
                                        "compact.events",
                                        skipped)),
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
                        "--max-case-length",
                        "4d",
                        "--parallelism",
                        "2");
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
                                "--output",
                                batch.toString())),
                quiet());

        Path stream = dir.resolve("stream");
        CompletableFuture<Void> run =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                StreamingJob.run(
                                        StreamingConfig.fromArgs(
                                                arguments(
                                                        shared,
                                                        "--bootstrap-servers",
                                                        KAFKA.bootstrapServers(),
                                                        "--posts-topic",
                                                        "compact.posts",
                                                        "--events-topic",
                                                        "compact.events",
                                                        "--group-id",
                                                        "compact",
                                                        "--bounded",
                                                        "--checkpoint-interval",
                                                        CHECKPOINT_INTERVAL,
                                                        "--compact-every",
                                                        COMPACT_EVERY,
                                                        "--output",
                                                        stream.toString())),
                                        quiet());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        Reader reader = new Reader(stream);
        while (!run.isDone()) {
            reader.readEveryTable();
            Thread.sleep(100);
        }
        run.join();
        reader.readEveryTable();
        assertThat(reader.readsWithRows)
                .as("reads that found rows while the job ran")
                .isGreaterThan(3);
        assertThat(reader.growths)
                .as("times a table grew between two reads: compactions seen while running")
                .isGreaterThan(2);

        for (String table : OutputTables.ALL) {
            // Provisional rows exist in the stream only: a batch run without --as-of has none.
            if (table.equals(OutputTables.REJECTS)
                    || table.equals(OutputTables.LATE)
                    || OutputTables.PROVISIONAL.contains(table)) {
                continue;
            }
            String perPeriod = table.equals(OutputTables.EFFECTS) ? " WHERE period <> 'all'" : "";
            String inBatch = "(SELECT * FROM " + DuckDb.table(batch, table) + perPeriod + ")";
            String inStream = DuckDb.table(stream, table);
            assertThat(count("SELECT count(*) FROM " + inBatch)).as(table).isPositive();
            assertSameRows(table, inBatch, "the batch run", inStream, "the streaming run");
        }

        Map<String, Integer> files = filesPerPartition(stream);
        System.out.println("files per table and partition after the replay: " + files);
        assertThat(files).isNotEmpty();
        assertThat(files.values()).allSatisfy(n -> assertThat(n).isBetween(1, 4));
        try (Stream<Path> all = Files.walk(stream)) {
            assertThat(
                            all.filter(f -> !f.startsWith(stream.resolve("_state")))
                                    .filter(f -> f.getFileName().toString().startsWith("."))
                                    .toList())
                    .as("hidden files left once the run ended")
                    .isEmpty();
        }
    }

    /** Reads each table as a BI tool would, holding every read to the one before it. */
    private static final class Reader {

        private final Path output;
        private final Map<String, Long> seen = new HashMap<>();
        int readsWithRows;
        int growths;

        Reader(Path output) {
            this.output = output;
        }

        void readEveryTable() throws Exception {
            for (String table : OutputTables.ALL) {
                if (!Files.isDirectory(output.resolve(table))) {
                    continue;
                }
                String key =
                        switch (table) {
                            case OutputTables.CASES, OutputTables.CASE_INTERVALS -> "case_id";
                            case OutputTables.EXCHANGES -> "case_id, seq";
                            default -> "1";
                        };
                List<List<Object>> read;
                try {
                    read =
                            rows(
                                    "SELECT count(*), count(DISTINCT ("
                                            + key
                                            + ")) FROM "
                                            + DuckDb.table(output, table));
                } catch (SQLException e) {
                    if (String.valueOf(e.getMessage()).contains("No files found")) {
                        continue;
                    }
                    throw new AssertionError("reading " + table + " while the job ran", e);
                }
                long rows = ((Number) read.get(0).get(0)).longValue();
                long before = seen.getOrDefault(table, 0L);
                assertThat(rows).as("%s rows never vanish", table).isGreaterThanOrEqualTo(before);
                if (!key.equals("1") && !table.equals(OutputTables.CASE_INTERVALS)) {
                    assertThat(((Number) read.get(0).get(1)).longValue())
                            .as("%s rows never seen twice", table)
                            .isEqualTo(rows);
                }
                if (rows > before) {
                    growths++;
                }
                if (rows > 0) {
                    readsWithRows++;
                }
                seen.put(table, rows);
            }
        }
    }

    /** Visible Parquet files per table and dt= partition, as "table/dt=...". */
    static Map<String, Integer> filesPerPartition(Path output) throws Exception {
        Map<String, Integer> files = new TreeMap<>();
        for (String table : OutputTables.ALL) {
            Path folder = output.resolve(table);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> all = Files.walk(folder)) {
                all.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .forEach(
                                f ->
                                        files.merge(
                                                table + "/" + f.getParent().getFileName(),
                                                1,
                                                Integer::sum));
            }
        }
        return files;
    }
}
