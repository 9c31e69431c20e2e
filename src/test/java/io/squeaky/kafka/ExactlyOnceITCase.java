package io.squeaky.kafka;

import static io.squeaky.DuckDb.rows;
import static io.squeaky.kafka.KafkaInputITCase.run;
import static io.squeaky.kafka.KafkaInputITCase.tweet;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.TestClusters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.executiongraph.ArchivedExecutionGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A task fails part-way; the job restarts from its checkpoint and writes every case once. */
class ExactlyOnceITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir Path dir;

    @Test
    void aRunWithAFailureWritesTheSameCasesAsAFailureFreeRun(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        KAFKA.createTopic("posts-eo", 2);
        for (int partition = 0; partition < 2; partition++) {
            KAFKA.send("posts-eo", partition, conversations(partition, 700));
        }
        Path clean = dir.resolve("clean");
        Path failed = dir.resolve("failed");

        run(arguments("clean", clean, 0));
        String report = run(arguments("failed", failed, 300));

        assertThat(restartedJobs(cluster)).as("the drill failed the second run once").isEqualTo(1);
        assertThat(report).contains("0 rejected, 0 late");
        String columns =
                "case_id, brand, customer_id, opened_at, first_reply_at, seconds_to_first_reply,"
                        + " persistence, customer_posts, brand_replies, outcome, closed_by, censored_at";
        List<List<Object>> expected = cases(clean, columns);
        assertThat(expected).hasSize(1400);
        assertThat(cases(failed, columns)).containsExactlyElementsOf(expected);
        assertThat(
                        rows(
                                "SELECT count(*) - count(DISTINCT case_id) FROM read_parquet('"
                                        + failed
                                        + "/cases/dt=*/[!.]*.parquet')"))
                .as("no case written twice")
                .containsExactly(List.of(0L));
    }

    private static long restartedJobs(MiniCluster cluster) throws Exception {
        long restarted = 0;
        for (JobStatusMessage job : cluster.listJobs().get()) {
            ArchivedExecutionGraph graph = cluster.getArchivedExecutionGraph(job.getJobId()).get();
            if (graph.getStatusTimestamp(JobStatus.RESTARTING) > 0) {
                restarted++;
            }
        }
        return restarted;
    }

    private static String[] arguments(String group, Path output, int failAfter) {
        List<String> args =
                PostsTopic.arguments(
                        KAFKA.bootstrapServers(),
                        "posts-eo",
                        group,
                        "--bounded",
                        "--checkpoint-interval",
                        "300ms",
                        "--output",
                        output.toString(),
                        "--parallelism",
                        "2");
        if (failAfter > 0) {
            // The failing run restores from checkpoints on disk, as a deployment would.
            args.addAll(
                    List.of(
                            "--fail-once-after",
                            Integer.toString(failAfter),
                            "--checkpoint-dir",
                            output.resolveSibling(group + "-checkpoints").toUri().toString()));
        }
        return args.toArray(String[]::new);
    }

    private static List<List<Object>> cases(Path output, String columns) throws Exception {
        return rows(
                "SELECT "
                        + columns
                        + " FROM read_parquet('"
                        + output
                        + "/cases/dt=*/[!.]*.parquet') ORDER BY case_id");
    }

    /** Customers complaining to Amazon, answered, and writing back, in event-time order. */
    static List<String> conversations(int partition, int customers) {
        List<Map.Entry<Instant, String>> messages = new ArrayList<>();
        Instant start = Instant.parse("2017-10-02T00:00:00Z");
        for (int i = 0; i < customers; i++) {
            String customer = "p" + partition + "c" + i;
            String id = partition + "" + (100_000 + i);
            Instant complained = start.plusSeconds(i * 120L);
            Instant answered = complained.plusSeconds(300 + i % 17);
            Instant thanked = complained.plusSeconds(900);
            messages.add(
                    Map.entry(
                            complained,
                            tweet(
                                    id + "1",
                                    customer,
                                    customer,
                                    complained.toString(),
                                    null,
                                    "@AmazonHelp my order " + i)));
            messages.add(
                    Map.entry(
                            answered,
                            tweet(
                                    id + "2",
                                    "brand",
                                    "AmazonHelp",
                                    answered.toString(),
                                    id + "1",
                                    "@" + customer + " sorry")));
            messages.add(
                    Map.entry(
                            thanked,
                            tweet(
                                    id + "3",
                                    customer,
                                    customer,
                                    thanked.toString(),
                                    id + "2",
                                    "@AmazonHelp thanks")));
        }
        messages.sort(Map.Entry.comparingByKey());
        return messages.stream().map(Map.Entry::getValue).toList();
    }
}
