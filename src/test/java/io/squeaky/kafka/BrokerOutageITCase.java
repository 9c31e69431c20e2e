package io.squeaky.kafka;

import static io.squeaky.DuckDb.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectClusterRESTAddress;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker dies under a running job (SIGKILL, its own process) and comes back 30 seconds later on
 * the same port and log directory. Nobody restarts the job: its Kafka source reconnects by itself,
 * the producer feeding the topic holds and retries what it could not deliver, the job never fails
 * over, and its tables equal a failure-free run's over the same topic, every case once. The job's
 * watermark-lag gauge shows the pause: it climbs through the outage and falls back after.
 */
class BrokerOutageITCase {

    /** Two slots, as {@code TestClusters.twoSlots()}, with gauges fetched every second, not ten. */
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(
                                    Configuration.fromMap(
                                            Map.of("metrics.fetcher.update-interval", "1000")))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final String TOPIC = "posts-outage";
    private static final int CUSTOMERS = 450;
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir Path dir;

    @Test
    void theJobRidesOutABrokerOutageWithNothingLostAndNothingTwice(
            @InjectClusterRESTAddress URI restAddress) throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"))) {
            broker.createTopic(TOPIC, 2);
            Path live = dir.resolve("live");
            AtomicReference<JobClient> started = new AtomicReference<>();
            CompletableFuture<Void> job =
                    CompletableFuture.runAsync(
                            () -> run(arguments(broker, "live", live, false), started::set));
            JobClient client = awaitRunning(started, job);
            JobRest rest = new JobRest(restAddress, client.getJobID().toString());

            Map<Long, Long> lag = new ConcurrentSkipListMap<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            long t0 = System.nanoTime();
            sampler.scheduleAtFixedRate(
                    () -> rest.watermarkLag().ifPresent(ms -> lag.put(seconds(t0), ms)),
                    0,
                    1,
                    TimeUnit.SECONDS);

            long killedAt;
            long restartedAt;
            long feedEndedAt;
            try (LiveConversations feed = new LiveConversations(broker.bootstrapServers(), TOPIC)) {
                CompletableFuture<Void> playing =
                        CompletableFuture.runAsync(
                                () -> {
                                    try {
                                        feed.play(CUSTOMERS, TICK);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                });
                Thread.sleep(15_000);
                assertThat(rest.completedCheckpoints()).as("checkpoints before").isPositive();
                broker.kill();
                killedAt = seconds(t0);
                long checkpointsAtKill = rest.completedCheckpoints();
                Thread.sleep(OUTAGE.toMillis());
                assertThat(rest.completedCheckpoints())
                        .as("checkpoints completed with the broker down")
                        .isGreaterThan(checkpointsAtKill);
                broker.restart();
                restartedAt = seconds(t0);
                playing.get(3, TimeUnit.MINUTES);
                feedEndedAt = seconds(t0);
                feed.flush();
                assertThat(feed.failure()).as("a send the producer gave up on").isNull();
                assertThat(feed.acknowledged()).isEqualTo(feed.sent()).isEqualTo(3 * CUSTOMERS);
            }
            assertThat(broker.records(TOPIC, 2))
                    .as(
                            "the topic holds every message once: the idempotent producer wrote none twice")
                    .isEqualTo(3L * CUSTOMERS);
            awaitRead(rest, 3L * CUSTOMERS);
            Thread.sleep(3_000);
            sampler.shutdownNow();
            boolean restarted = rest.everRestarted();
            long checkpoints = rest.completedCheckpoints();
            // Draining ends event time, so every open case closes, as at the end of a bounded run.
            client.stopWithSavepoint(
                            true,
                            dir.resolve("savepoints").toUri().toString(),
                            SavepointFormatType.CANONICAL)
                    .get(2, TimeUnit.MINUTES);
            job.get(2, TimeUnit.MINUTES);

            Path reference = dir.resolve("reference");
            run(arguments(broker, "reference", reference, true), ignored -> {});

            System.out.printf(
                    "broker killed at %d s, back at %d s, feed ended at %d s; watermark lag by"
                            + " second: %s; %d checkpoints, restarted: %s%n",
                    killedAt, restartedAt, feedEndedAt, lag, checkpoints, restarted);
            assertThat(restarted).as("the job failed over").isFalse();
            long before = maxLag(lag, killedAt - 4, killedAt);
            long during = maxLag(lag, killedAt, restartedAt + 1);
            long after = maxLag(lag, restartedAt + 12, feedEndedAt);
            assertThat(before).as("watermark lag before the outage").isLessThan(10_000);
            assertThat(during)
                    .as("watermark lag at the end of the outage")
                    .isGreaterThanOrEqualTo(OUTAGE.toMillis());
            assertThat(after).as("watermark lag once the backlog is read").isLessThan(10_000);

            String columns =
                    "case_id, brand, customer_id, opened_at, first_reply_at, seconds_to_first_reply,"
                            + " customer_posts, brand_replies, outcome, closed_by, censored_at";
            List<List<Object>> expected = cases(reference, columns);
            assertThat(expected).hasSize(CUSTOMERS);
            assertThat(cases(live, columns)).containsExactlyElementsOf(expected);
            assertThat(
                            rows(
                                    "SELECT count(*) - count(DISTINCT case_id) FROM read_parquet('"
                                            + live
                                            + "/cases/dt=*/[!.]*.parquet')"))
                    .as("no case written twice")
                    .containsExactly(List.of(0L));
            assertThat(
                            rows(
                                    "SELECT count(*) FROM read_parquet('"
                                            + live
                                            + "/exchanges/dt=*/[!.]*.parquet') WHERE replied_at IS NOT NULL"))
                    .as("every complaint's reply linked")
                    .containsExactly(List.of((long) CUSTOMERS));
        }
    }

    private static String[] arguments(
            BrokerProcess broker, String group, Path output, boolean bounded) {
        List<String> args =
                PostsTopic.arguments(
                        broker.bootstrapServers(),
                        TOPIC,
                        group,
                        "--checkpoint-interval",
                        "2s",
                        // Event time runs with the clock here: a small bound keeps the lag
                        // readable.
                        "--out-of-order",
                        "5s",
                        "--output",
                        output.toString(),
                        "--parallelism",
                        "2");
        if (bounded) {
            args.add("--bounded");
        }
        return args.toArray(String[]::new);
    }

    private static void run(String[] args, Consumer<JobClient> started) {
        try {
            StreamingJob.run(
                    StreamingConfig.fromArgs(args),
                    new PrintStream(OutputStream.nullOutputStream()),
                    started);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JobClient awaitRunning(
            AtomicReference<JobClient> started, CompletableFuture<Void> job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (job.isDone()) {
                job.get();
            }
            JobClient client = started.get();
            if (client != null && client.getJobStatus().get().toString().equals("RUNNING")) {
                return client;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not start");
    }

    private static void awaitRead(JobRest rest, long records) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long read = 0;
        while (System.nanoTime() < deadline) {
            read = rest.recordsRead();
            if (read >= records) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the job read " + read + " of " + records + " records");
    }

    private static long maxLag(Map<Long, Long> lag, long from, long to) {
        return lag.entrySet().stream()
                .filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToLong(Map.Entry::getValue)
                .max()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no lag sampled in [" + from + ", " + to + "]: " + lag));
    }

    private static long seconds(long t0) {
        return (System.nanoTime() - t0) / 1_000_000_000L;
    }

    private static List<List<Object>> cases(Path output, String columns) throws Exception {
        return rows(
                "SELECT "
                        + columns
                        + " FROM read_parquet('"
                        + output
                        + "/cases/dt=*/[!.]*.parquet') ORDER BY case_id");
    }
}
