package io.squeaky.kafka;

import static io.squeaky.DuckDb.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squeaky.flink.Counters;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void theJobRidesOutABrokerOutageWithNothingLostAndNothingTwice(
            @InjectClusterRESTAddress URI rest) throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"))) {
            broker.createTopic(TOPIC, 2);
            Path live = dir.resolve("live");
            AtomicReference<JobClient> started = new AtomicReference<>();
            CompletableFuture<Void> job =
                    CompletableFuture.runAsync(
                            () -> run(arguments(broker, "live", live, false), started::set));
            JobClient client = awaitRunning(started, job);
            String jobId = client.getJobID().toString();

            Map<Long, Long> lag = new ConcurrentSkipListMap<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            long t0 = System.nanoTime();
            sampler.scheduleAtFixedRate(
                    () -> watermarkLag(rest, jobId).ifPresent(ms -> lag.put(seconds(t0), ms)),
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
                assertThat(completedCheckpoints(rest, jobId)).as("checkpoints before").isPositive();
                broker.kill();
                killedAt = seconds(t0);
                long checkpointsAtKill = completedCheckpoints(rest, jobId);
                Thread.sleep(OUTAGE.toMillis());
                assertThat(completedCheckpoints(rest, jobId))
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
            awaitRead(rest, jobId, 3L * CUSTOMERS);
            Thread.sleep(3_000);
            sampler.shutdownNow();
            long restarts = numRestarts(rest, jobId);
            long checkpoints = completedCheckpoints(rest, jobId);
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
                            + " second: %s; %d checkpoints, %d restarts%n",
                    killedAt, restartedAt, feedEndedAt, lag, checkpoints, restarts);
            assertThat(restarts).as("the job failed over").isZero();
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
                                            + "/cases/dt=*/*.parquet')"))
                    .as("no case written twice")
                    .containsExactly(List.of(0L));
            assertThat(
                            rows(
                                    "SELECT count(*) FROM read_parquet('"
                                            + live
                                            + "/exchanges/dt=*/*.parquet') WHERE replied_at IS NOT NULL"))
                    .as("every complaint's reply linked")
                    .containsExactly(List.of((long) CUSTOMERS));
        }
    }

    private static String[] arguments(
            BrokerProcess broker, String group, Path output, boolean bounded) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "--bootstrap-servers",
                                broker.bootstrapServers(),
                                "--posts-topic",
                                TOPIC,
                                "--events-topic",
                                "",
                                "--group-id",
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
                                "2"));
        if (bounded) {
            args.add("--bounded");
        }
        return args.toArray(String[]::new);
    }

    private static void run(String[] args, java.util.function.Consumer<JobClient> started) {
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

    private static void awaitRead(URI rest, String jobId, long records) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long read = 0;
        while (System.nanoTime() < deadline) {
            for (JsonNode accumulator :
                    get(rest, "/jobs/" + jobId + "/accumulators").path("user-task-accumulators")) {
                if (accumulator.path("name").asText().equals(Counters.READ)) {
                    read = accumulator.path("value").asLong();
                }
            }
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

    /** The largest watermark lag over the subtasks of the operator that reports it. */
    private static java.util.Optional<Long> watermarkLag(URI rest, String jobId) {
        try {
            for (JsonNode vertex : get(rest, "/jobs/" + jobId).path("vertices")) {
                String path =
                        "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/metrics";
                List<String> ids = new java.util.ArrayList<>();
                for (JsonNode metric : get(rest, path)) {
                    if (metric.path("id").asText().endsWith("." + Counters.WATERMARK_LAG)) {
                        ids.add(
                                URLEncoder.encode(
                                                metric.path("id").asText(), StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
                    }
                }
                if (!ids.isEmpty()) {
                    long max = 0;
                    for (JsonNode value : get(rest, path + "?get=" + String.join(",", ids))) {
                        max = Math.max(max, value.path("value").asLong());
                    }
                    return java.util.Optional.of(max);
                }
            }
        } catch (Exception unavailable) {
            // A sample missed; the next one comes a second later.
        }
        return java.util.Optional.empty();
    }

    private static long completedCheckpoints(URI rest, String jobId) throws Exception {
        return get(rest, "/jobs/" + jobId + "/checkpoints")
                .path("counts")
                .path("completed")
                .asLong();
    }

    private static long numRestarts(URI rest, String jobId) throws Exception {
        JsonNode metric = get(rest, "/jobs/" + jobId + "/metrics?get=numRestarts");
        return metric.get(0).path("value").asLong();
    }

    private static JsonNode get(URI rest, String path) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(rest.resolve(path))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return JSON.readTree(response.body());
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
                        + "/cases/dt=*/*.parquet') ORDER BY case_id");
    }
}
