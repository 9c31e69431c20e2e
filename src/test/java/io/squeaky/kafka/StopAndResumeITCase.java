package io.squeaky.kafka;

import static io.squeaky.DuckDb.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.DuckDb;
import io.squeaky.TestClusters;
import io.squeaky.flink.Counters;
import io.squeaky.jobs.GracefulStop;
import io.squeaky.jobs.OutputFolder;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streaming run stopped with a savepoint, then continued with --resume on the rest of the data,
 * writes exactly the rows of a run that was never stopped; a used folder is refused without
 * --resume, and the only files a stop leaves in progress are those waiting to be merged, which the
 * resumed run merges.
 */
class StopAndResumeITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    private static final String TOPIC = "posts-resume";
    private static final int CUSTOMERS = 400;

    @TempDir Path dir;

    @Test
    void aStoppedRunResumedOnTheRestOfTheDataWritesTheRowsOfAnUnstoppedRun() throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        List<List<String>> halves = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            List<String> all = ExactlyOnceITCase.conversations(partition, CUSTOMERS);
            halves.add(all.subList(0, all.size() / 2));
            halves.add(all.subList(all.size() / 2, all.size()));
        }
        KAFKA.send(TOPIC, 0, halves.get(0));
        KAFKA.send(TOPIC, 1, halves.get(2));
        long firstPart = halves.get(0).size() + halves.get(2).size();
        Path stopped = dir.resolve("stopped");

        JobClient first = startUnbounded(stopped, "resume-test");
        awaitRead(first, firstPart);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        new GracefulStop(
                        first,
                        new OutputFolder(stopped.toString()).savepoints(),
                        new PrintStream(said, true, StandardCharsets.UTF_8))
                .stop();
        first.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        assertThat(said.toString(StandardCharsets.UTF_8))
                .contains("savepoint at")
                .contains("--resume");
        // Without draining, the files of the last compaction interval stay hidden in the
        // savepoint; the resumed run merges them, and no other file is left in progress.
        List<Path> waiting = inProgressFiles(stopped);
        assertThat(waiting)
                .as("files in progress after the stop")
                .allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("..part-"));

        assertThat(
                        StreamingJob.execute(
                                arguments(stopped, "resume-test").toArray(String[]::new),
                                new PrintStream(new ByteArrayOutputStream()),
                                new PrintStream(said, true, StandardCharsets.UTF_8)))
                .as("a used folder without --resume")
                .isEqualTo(2);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("--resume to continue it");

        // A later post on each partition moves event time past every inactivity gap, so the
        // running job closes every case the data holds, as the end of a bounded input does.
        KAFKA.send(TOPIC, 0, append(halves.get(1), sentinel(0)));
        KAFKA.send(TOPIC, 1, append(halves.get(3), sentinel(1)));
        JobClient resumed = startUnbounded(stopped, "resume-test", "--resume");
        awaitCases(resumed, stopped, 2L * CUSTOMERS);
        new GracefulStop(
                        resumed,
                        new OutputFolder(stopped.toString()).savepoints(),
                        new PrintStream(said, true, StandardCharsets.UTF_8))
                .stop();
        resumed.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        assertThat(waiting)
                .as("files waiting at the stop, merged by the resumed run")
                .noneMatch(Files::exists);

        Path unstopped = dir.resolve("unstopped");
        List<String> args = arguments(unstopped, "unstopped-test");
        args.add("--bounded");
        KafkaInputITCase.run(args.toArray(String[]::new));

        String columns =
                "case_id, brand, customer_id, opened_at, first_reply_at, seconds_to_first_reply,"
                        + " persistence, customer_posts, brand_replies, outcome, closed_by,"
                        + " censored_at";
        List<List<Object>> expected = table(unstopped, "cases", columns);
        assertThat(expected).hasSize(2 * CUSTOMERS);
        assertThat(table(stopped, "cases", columns)).containsExactlyElementsOf(expected);
        assertThat(table(stopped, "exchanges", "*"))
                .containsExactlyElementsOf(table(unstopped, "exchanges", "*"));
    }

    private static List<String> append(List<String> messages, String last) {
        List<String> all = new ArrayList<>(messages);
        all.add(last);
        return all;
    }

    /** A complaint a month after the others, from a customer the tables leave out. */
    static String sentinel(int partition) {
        return KafkaInputITCase.tweet(
                "9" + partition + "000001",
                "sentinel" + partition,
                "sentinel" + partition,
                "2017-11-15T00:00:00.000Z",
                null,
                "@AmazonHelp later");
    }

    private static void awaitCases(JobClient job, Path output, long cases) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> counts = job.getAccumulators().get(10, TimeUnit.SECONDS);
            if (counts.get(Counters.CASES) instanceof Long written
                    && written >= cases
                    && visible(output) >= cases) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("readers did not see " + cases + " cases in time");
    }

    /** Cases of the test's month that readers see, merged files only. */
    private static long visible(Path output) throws Exception {
        try {
            return table(output, "cases", "case_id").size();
        } catch (java.sql.SQLException noFilesYet) {
            return 0;
        }
    }

    private static List<String> arguments(Path output, String group) {
        return PostsTopic.arguments(
                KAFKA.bootstrapServers(),
                TOPIC,
                group,
                "--checkpoint-interval",
                "500ms",
                "--compact-every",
                "1s",
                "--output",
                output.toString(),
                "--parallelism",
                "2");
    }

    private static JobClient startUnbounded(Path output, String group, String... more)
            throws Exception {
        List<String> args = arguments(output, group);
        args.addAll(List.of(more));
        StreamingConfig config = StreamingConfig.fromArgs(args.toArray(String[]::new));
        CompletableFuture<JobClient> started = new CompletableFuture<>();
        CompletableFuture.runAsync(
                () -> {
                    try {
                        StreamingJob.run(
                                config,
                                new PrintStream(new ByteArrayOutputStream()),
                                started::complete);
                    } catch (Exception e) {
                        started.completeExceptionally(e);
                    }
                });
        return started.get(60, TimeUnit.SECONDS);
    }

    static void awaitRead(JobClient job, long records) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> counts = job.getAccumulators().get(10, TimeUnit.SECONDS);
            if (counts.get(Counters.READ) instanceof Long read && read >= records) {
                // One more checkpoint interval, so the records read are also behind a checkpoint.
                Thread.sleep(1500);
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the job did not read " + records + " records in time");
    }

    /**
     * The tables' files in progress. The walk does not enter {@code _state}: the cluster may still
     * be deleting checkpoints the savepoint subsumed there after the job has ended, and a walk that
     * lists a folder being deleted fails on it.
     */
    private static List<Path> inProgressFiles(Path output) throws Exception {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(
                output,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(
                            Path folder, BasicFileAttributes attributes) {
                        return folder.getFileName().toString().equals("_state")
                                ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (file.getFileName().toString().contains(".inprogress")) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        return found;
    }

    private static List<List<Object>> table(Path output, String table, String columns)
            throws Exception {
        return rows(
                "SELECT "
                        + columns
                        + " FROM read_parquet('"
                        + output
                        + "/"
                        + table
                        + "/"
                        + DuckDb.FILES
                        + "') WHERE "
                        + (table.equals("cases") ? "opened_at" : "case_opened_at")
                        + " < TIMESTAMPTZ '2017-11-01 00:00:00+00'"
                        + " ORDER BY ALL");
    }
}
