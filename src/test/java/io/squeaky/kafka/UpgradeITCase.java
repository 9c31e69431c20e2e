package io.squeaky.kafka;

import static io.squeaky.DuckDb.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.DuckDb;
import io.squeaky.TestClusters;
import io.squeaky.jobs.GracefulStop;
import io.squeaky.jobs.OutputFolder;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import io.squeaky.records.CaseRecord;
import io.squeaky.workflow.SqueakyWorkflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade: version 1 of the streaming job runs on half the data and is stopped with a savepoint;
 * version 2, with one more stateful operator, another checkpoint interval, another compaction
 * interval and one more subtask, is restored from it and runs on the rest. The tables hold exactly
 * the rows of one run that was never stopped: nothing lost, nothing twice.
 */
class UpgradeITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.slots(3);

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    private static final String TOPIC = "posts-upgrade";
    private static final int CUSTOMERS = 300;
    private static final String TALLIED = "cases-tallied-by-version-2";

    @TempDir Path dir;

    @Test
    void versionTwoRestoredFromVersionOnesSavepointWritesTheRowsOfAnUnstoppedRun()
            throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        List<List<String>> halves = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            List<String> all = ExactlyOnceITCase.conversations(partition, CUSTOMERS);
            halves.add(all.subList(0, all.size() / 2));
            halves.add(all.subList(all.size() / 2, all.size()));
        }
        KAFKA.send(TOPIC, 0, halves.get(0));
        KAFKA.send(TOPIC, 1, halves.get(2));
        Path upgraded = dir.resolve("upgraded");

        List<String> versionOne = arguments(upgraded, "upgrade", "2", "500ms", "1s");
        JobClient first = start(versionOne, outputs -> {});
        StopAndResumeITCase.awaitRead(first, halves.get(0).size() + halves.get(2).size());
        stop(first, upgraded);

        KAFKA.send(TOPIC, 0, append(halves.get(1), StopAndResumeITCase.sentinel(0)));
        KAFKA.send(TOPIC, 1, append(halves.get(3), StopAndResumeITCase.sentinel(1)));
        List<String> versionTwo = arguments(upgraded, "upgrade", "3", "700ms", "3s");
        // Three subtasks read two partitions: the one without a partition must not hold event
        // time back. Its idleness stays well above any stall of the two that read, whose records
        // the watermark would otherwise pass.
        versionTwo.addAll(List.of("--idleness", "10s", "--resume"));
        JobClient second = start(versionTwo, UpgradeITCase::casesPerBrand);
        awaitCases(upgraded, 2L * CUSTOMERS);
        long tallied = tallied(second);
        stop(second, upgraded);
        assertThat(tallied).as("cases version 2's operator counted after the upgrade").isPositive();

        Path unstopped = dir.resolve("unstopped");
        List<String> args = arguments(unstopped, "unstopped-upgrade", "2", "500ms", "1s");
        args.add("--bounded");
        KafkaInputITCase.run(args.toArray(String[]::new));

        String columns =
                "case_id, brand, customer_id, opened_at, first_reply_at, seconds_to_first_reply,"
                        + " persistence, customer_posts, brand_replies, outcome, closed_by,"
                        + " censored_at";
        List<List<Object>> expected = table(unstopped, "cases", columns);
        assertThat(expected).hasSize(2 * CUSTOMERS);
        assertThat(table(upgraded, "cases", columns)).containsExactlyElementsOf(expected);
        assertThat(table(upgraded, "exchanges", "*"))
                .containsExactlyElementsOf(table(unstopped, "exchanges", "*"));
    }

    /** What version 2 adds: a running count of cases per brand, a new stateful operator. */
    private static void casesPerBrand(SqueakyWorkflow.Outputs outputs) {
        outputs.cases()
                .keyBy(CaseRecord::getBrand, Types.STRING)
                .process(new CasesPerBrand())
                .returns(Types.LONG)
                .name("cases per brand (version 2)")
                .uid("cases-per-brand")
                .sinkTo(new DiscardingSink<>())
                .name("cases per brand, discarded")
                .uid("cases-per-brand-sink");
    }

    /** Counts each brand's cases; a brand quiet for a day starts from zero again. */
    private static final class CasesPerBrand
            extends KeyedProcessFunction<String, CaseRecord, Long> {

        private transient ValueState<Long> count;
        private transient LongCounter tallied;

        @Override
        public void open(OpenContext context) {
            ValueStateDescriptor<Long> descriptor =
                    new ValueStateDescriptor<>("cases of the brand", Types.LONG);
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofDays(1)).build());
            count = getRuntimeContext().getState(descriptor);
            tallied = new LongCounter();
            getRuntimeContext().addAccumulator(TALLIED, tallied);
        }

        @Override
        public void processElement(CaseRecord row, Context context, Collector<Long> out)
                throws Exception {
            long next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            tallied.add(1);
            out.collect(next);
        }
    }

    /**
     * Version 2's count, once the TaskManager has reported it (accumulators come with heartbeats).
     */
    private static long tallied(JobClient job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> counts = job.getAccumulators().get(10, TimeUnit.SECONDS);
            if (counts.get(TALLIED) instanceof Long n && n > 0) {
                return n;
            }
            Thread.sleep(300);
        }
        return 0;
    }

    private static List<String> append(List<String> messages, String last) {
        List<String> all = new ArrayList<>(messages);
        all.add(last);
        return all;
    }

    private static List<String> arguments(
            Path output, String group, String parallelism, String checkpoints, String compact) {
        return PostsTopic.arguments(
                KAFKA.bootstrapServers(),
                TOPIC,
                group,
                "--checkpoint-interval",
                checkpoints,
                "--compact-every",
                compact,
                "--output",
                output.toString(),
                "--parallelism",
                parallelism);
    }

    private static JobClient start(List<String> args, Consumer<SqueakyWorkflow.Outputs> additions)
            throws Exception {
        StreamingConfig config = StreamingConfig.fromArgs(args.toArray(String[]::new));
        CompletableFuture<JobClient> started = new CompletableFuture<>();
        CompletableFuture.runAsync(
                () -> {
                    try {
                        StreamingJob.run(
                                config,
                                new PrintStream(new ByteArrayOutputStream()),
                                started::complete,
                                additions);
                    } catch (Exception e) {
                        started.completeExceptionally(e);
                    }
                });
        return started.get(60, TimeUnit.SECONDS);
    }

    private static void stop(JobClient job, Path output) throws Exception {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        new GracefulStop(
                        job,
                        new OutputFolder(output.toString()).savepoints(),
                        new PrintStream(said, true, StandardCharsets.UTF_8))
                .stop();
        job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("savepoint at");
    }

    /** Waits until readers see this many cases of the test's month in the cases table. */
    private static void awaitCases(Path output, long cases) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long seen = 0;
        while (System.nanoTime() < deadline) {
            try {
                seen = table(output, "cases", "case_id").size();
            } catch (SQLException e) {
                seen = 0;
            }
            if (seen >= cases) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("readers saw " + seen + " cases, not " + cases + ", in time");
    }

    private static List<List<Object>> table(Path output, String table, String columns)
            throws Exception {
        return rows(
                "SELECT "
                        + columns
                        + " FROM "
                        + DuckDb.table(output, table)
                        + " WHERE "
                        + (table.equals("cases") ? "opened_at" : "case_opened_at")
                        + " < TIMESTAMPTZ '2017-11-01 00:00:00+00'"
                        + " ORDER BY ALL");
    }
}
