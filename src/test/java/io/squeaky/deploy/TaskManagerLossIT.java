package io.squeaky.deploy;

import static io.squeaky.DuckDb.count;
import static io.squeaky.SameRows.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.squeaky.kafka.KafkaBroker;
import io.squeaky.kafka.LiveConversations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager's JVM killed ({@code kill -9}) under the streaming job on the real three-JVM
 * session cluster, while posts still arrive from a real broker and after a checkpoint completed. A
 * replacement TaskManager starts, as a supervisor would start one; nobody touches the job. It
 * restarts from its last checkpoint, and once drained its tables equal a batch run's over the same
 * posts: every case exactly once. Prints the recovery times read from the REST API. Runs after
 * packaging, under failsafe, like the deployment test.
 */
class TaskManagerLossIT {

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    private static final String TOPIC = "posts-tm-loss";
    private static final String GROUP = "tm-loss";
    private static final int CUSTOMERS = 400;
    private static final Duration TICK = Duration.ofMillis(150);

    @TempDir Path dir;

    @Test
    void aKilledTaskManagerCostsARestartFromTheLastCheckpointAndNoCase() throws Exception {
        Path jar = Path.of(System.getProperty("squeaky.job.jar"));
        String flinkClasspath =
                Files.readString(
                                Path.of(System.getProperty("squeaky.flink.dist.classpath")),
                                StandardCharsets.UTF_8)
                        .strip();
        KAFKA.createTopic(TOPIC, 2);
        Path live = dir.resolve("live");
        Path reference = dir.resolve("reference");
        Path input = dir.resolve("posts.jsonl");
        List<String> shared = List.of("--out-of-order", "5s", "--parallelism", "2");

        try (StandaloneCluster cluster =
                StandaloneCluster.start(dir.resolve("cluster"), flinkClasspath, 2)) {
            Process client =
                    cluster.submit(
                            jar,
                            "io.squeaky.jobs.StreamingJob",
                            arguments(
                                    shared,
                                    "--bootstrap-servers",
                                    KAFKA.bootstrapServers(),
                                    "--posts-topic",
                                    TOPIC,
                                    "--events-topic",
                                    "",
                                    "--group-id",
                                    GROUP,
                                    "--checkpoint-interval",
                                    "2s",
                                    // Every committed file visible at once (no merging), so the
                                    // comparison reads what each checkpoint committed.
                                    "--compact-every",
                                    "0s",
                                    "--output",
                                    live.toString()),
                            "stream-client");
            String job = awaitJobRunning(cluster, client);

            Recovery recovery;
            Set<String> used;
            int doomed;
            try (LiveConversations feed = new LiveConversations(KAFKA.bootstrapServers(), TOPIC)) {
                CompletableFuture<Void> playing =
                        CompletableFuture.runAsync(
                                () -> {
                                    try {
                                        feed.play(CUSTOMERS, TICK);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                });
                awaitCompletedCheckpoint(cluster, job, 1, Duration.ofMinutes(1));
                Thread.sleep(5_000);
                // The scheduler may place both subtasks on either TaskManager: kill one it used.
                used = cluster.taskManagersRunning(job);
                assertThat(used).as("TaskManagers running the job").isNotEmpty();
                doomed = Integer.parseInt(used.iterator().next().replace("taskmanager-", ""));
                assertThat(playing).as("posts still arriving at the kill").isNotDone();
                long killedAt = System.currentTimeMillis();
                cluster.killTaskManager(doomed);
                cluster.startTaskManager(3);
                recovery = Recovery.await(cluster, job, killedAt);
                playing.get(3, TimeUnit.MINUTES);
                feed.flush();
                assertThat(feed.failure()).isNull();
                Files.write(input, feed.messages(), StandardCharsets.UTF_8);
            }
            System.out.println(
                    "TaskManager loss (taskmanager-"
                            + doomed
                            + " of "
                            + used
                            + "): "
                            + recovery.describe());
            awaitCommitted(Duration.ofMinutes(2));
            // Draining ends event time, so every open case closes, as at the end of a batch run.
            cluster.post(
                    "/jobs/" + job + "/stop",
                    "{\"drain\":true,\"targetDirectory\":\""
                            + dir.resolve("savepoints").toUri()
                            + "\"}");
            assertThat(client.waitFor(3, TimeUnit.MINUTES))
                    .as("the client ends with the job")
                    .isTrue();
            assertThat(awaitState(cluster, job, "FINISHED"))
                    .as(
                            "client printed:%n%s",
                            Files.readString(dir.resolve("cluster/stream-client.out")))
                    .isEqualTo("FINISHED");
            assertThat(recovery.restoredCheckpoint()).as("restored from a checkpoint").isPositive();

            StandaloneCluster.CliResult batch =
                    cluster.run(
                            jar,
                            "io.squeaky.jobs.BatchJob",
                            arguments(
                                    shared,
                                    "--input",
                                    input.toString(),
                                    "--format",
                                    "twitter-v2",
                                    "--output",
                                    reference.toString()),
                            Duration.ofMinutes(3));
            assertThat(batch.exitCode()).as("batch run printed:%n%s", batch.output()).isZero();
        }

        assertThat(
                        count(
                                "SELECT count(*) FROM read_parquet('"
                                        + reference
                                        + "/cases/dt=*/[!.]*.parquet')"))
                .isEqualTo(CUSTOMERS);
        for (String table : List.of("cases", "exchanges")) {
            String inBatch = "read_parquet('" + reference + "/" + table + "/dt=*/[!.]*.parquet')";
            String inStream = "read_parquet('" + live + "/" + table + "/dt=*/[!.]*.parquet')";
            assertSameRows(
                    table, inBatch, "the failure-free run", inStream, "the run with the kill");
        }
    }

    private static List<String> arguments(List<String> shared, String... own) {
        List<String> all = new ArrayList<>(List.of(own));
        all.addAll(shared);
        return all;
    }

    private static String awaitJobRunning(StandaloneCluster cluster, Process client)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(client.isAlive())
                    .as("the streaming client exited:%n%s", cluster.logs())
                    .isTrue();
            for (JsonNode job : cluster.rest("/jobs/overview").path("jobs")) {
                if (job.path("state").asText().equals("RUNNING")
                        && allTasksRunning(cluster, job.path("jid").asText())) {
                    return job.path("jid").asText();
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the streaming job did not start:\n" + cluster.logs());
    }

    /** The job's state once it is {@code wanted}, or after 30 s: REST caches job details. */
    private static String awaitState(StandaloneCluster cluster, String job, String wanted)
            throws Exception {
        String state = "";
        for (int i = 0; i < 60 && !state.equals(wanted); i++) {
            state = cluster.rest("/jobs/" + job).path("state").asText();
            Thread.sleep(500);
        }
        return state;
    }

    static boolean allTasksRunning(StandaloneCluster cluster, String job) throws Exception {
        JsonNode details = cluster.rest("/jobs/" + job);
        if (!details.path("state").asText().equals("RUNNING")) {
            return false;
        }
        for (JsonNode vertex : details.path("vertices")) {
            if (!vertex.path("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    static JsonNode awaitCompletedCheckpoint(
            StandaloneCluster cluster, String job, long atLeast, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode latest =
                    cluster.rest("/jobs/" + job + "/checkpoints").path("latest").path("completed");
            if (latest.path("id").asLong() >= atLeast) {
                return latest;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "no checkpoint " + atLeast + " within " + within + ":\n" + cluster.logs());
    }

    /**
     * Waits until the job's consumer group has committed the topic's end: all read, checkpointed.
     */
    private static void awaitCommitted(Duration within) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 2; p++) {
                latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            long deadline = System.nanoTime() + within.toNanos();
            Map<TopicPartition, OffsetAndMetadata> committed = Map.of();
            while (System.nanoTime() < deadline) {
                committed =
                        admin.listConsumerGroupOffsets(GROUP)
                                .partitionsToOffsetAndMetadata()
                                .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> now = committed;
                if (ends.entrySet().stream()
                        .allMatch(
                                e ->
                                        now.get(e.getKey()) != null
                                                && now.get(e.getKey()).offset() >= e.getValue())) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new AssertionError("committed " + committed + " of " + ends);
        }
    }
}
