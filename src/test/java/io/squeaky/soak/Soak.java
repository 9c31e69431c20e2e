package io.squeaky.soak;

import io.squeaky.generate.CrossChannelGenerator;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import io.squeaky.kafka.KafkaBroker;
import io.squeaky.replay.LoopedReplay;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.MiniClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;

/**
 * The soak: the streaming job in a local MiniCluster (one task manager, two slots, parallelism 2)
 * reading an in-JVM Kafka broker, fed by a generated data set replayed in a loop at a fixed rate,
 * sampled every interval for checkpoint size, heap, RSS and each stateful operator's keyed-state
 * entries and timers ({@link SoakSampler}). Writes {@code samples.csv} and {@code verdict.json}
 * (flat or growing, per series, by {@link Trend}) under the work folder. A measurement, not a test:
 * {@code jobs/soak} runs it.
 */
public final class Soak {

    static final String USAGE =
            """
            Usage: jobs/soak [--minutes 20] [--rate 250] [--cases 2000] [--seed 11]
                             [--sample-every 30s] [--work target/soak]

              --minutes N       how long to run (default 20)
              --rate N          messages a second replayed into Kafka (default 250)
              --cases N         tickets the cross-channel generator opens for one pass (default 2000)
              --seed S          generator seed (default 11)
              --sample-every D  sampling interval, e.g. 30s (default 30s)
              --work DIR        data, output, checkpoints and the results (default target/soak)
            """;

    private static final int PARALLELISM = 2;

    private Soak() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        Duration length = Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "20")));
        long rate = Long.parseLong(options.getOrDefault("rate", "250"));
        Duration every =
                Duration.ofSeconds(
                        Long.parseLong(
                                options.getOrDefault("sample-every", "30s").replace("s", "")));
        Path work = Path.of(options.getOrDefault("work", "target/soak")).toAbsolutePath();
        deleteTree(work);
        Path data = work.resolve("data");
        CrossChannelGenerator.main(
                new String[] {
                    "--output", data.toString(),
                    "--cases", options.getOrDefault("cases", "2000"),
                    "--seed", options.getOrDefault("seed", "11")
                });
        LoopedReplay replay =
                LoopedReplay.of(
                        data.resolve("posts/posts.jsonl"),
                        data.resolve("desk/events.csv"),
                        "soak.posts",
                        "soak.events");
        System.out.printf(
                Locale.ROOT,
                "one pass: %,d messages over %s of event time; at %,d messages/s a pass takes %.0f s"
                        + " (event time %.0fx wall clock)%n",
                replay.messagesPerPass(),
                replay.eventTimePerPass(),
                rate,
                replay.messagesPerPass() / (double) rate,
                replay.eventTimePerPass().toMillis()
                        / 1000.0
                        / (replay.messagesPerPass() / (double) rate));

        KafkaBroker kafka = new KafkaBroker();
        kafka.start();
        kafka.createTopic("soak.posts", PARALLELISM);
        kafka.createTopic("soak.events", PARALLELISM);
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(new Configuration())
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(PARALLELISM)
                                .withRandomPorts()
                                .build());
        cluster.start();
        TestStreamEnvironment.setAsContext(cluster, PARALLELISM);
        Path output = work.resolve("out");
        StreamingConfig config =
                StreamingConfig.fromArgs(
                        new String[] {
                            "--bootstrap-servers", kafka.bootstrapServers(),
                            "--posts-topic", "soak.posts",
                            "--events-topic", "soak.events",
                            "--group-id", "soak",
                            "--checkpoint-interval", "10s",
                            "--idleness", "5s",
                            // Cases cut at a week, as jobs/live does, so that statistics windows
                            // fire and clear within a pass or two rather than after 60 days.
                            "--max-case-length", "7d",
                            "--brands", data.resolve("truth/brands.csv").toString(),
                            "--schedules", data.resolve("truth/schedules.json").toString(),
                            "--parallelism", Integer.toString(PARALLELISM),
                            "--output", output.toString()
                        });
        try (MiniClusterClient client =
                new MiniClusterClient(cluster.getConfiguration(), cluster)) {
            CompletableFuture<Void> job =
                    CompletableFuture.runAsync(
                            () -> {
                                try {
                                    StreamingJob.run(
                                            config,
                                            new PrintStream(OutputStream.nullOutputStream()));
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            JobID id = awaitRunning(client, job);
            long end = System.nanoTime() + length.toNanos();
            CompletableFuture<Void> feeding =
                    CompletableFuture.runAsync(
                            () -> {
                                try {
                                    replay.run(
                                            kafka.bootstrapServers(),
                                            rate,
                                            () -> System.nanoTime() >= end || job.isDone());
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
            SoakSampler sampler =
                    new SoakSampler(
                            cluster.getRestAddress().get(), id, output.resolve("_state"), replay);
            List<Map<String, Double>> samples = new ArrayList<>();
            long started = System.nanoTime();
            while (System.nanoTime() < end && !job.isDone()) {
                Thread.sleep(every.toMillis());
                Map<String, Double> sample = sampler.sample((System.nanoTime() - started) / 1e9);
                samples.add(sample);
                System.out.println(SoakSampler.line(sample));
            }
            feeding.get(1, TimeUnit.MINUTES);
            if (job.isDone()) {
                job.get(); // throws what stopped the job
            }
            client.cancel(id).get(1, TimeUnit.MINUTES);
            job.handle((ignored, cancelled) -> null).get(1, TimeUnit.MINUTES);
            write(work, samples);
        } finally {
            TestStreamEnvironment.unsetAsContext();
            cluster.close();
            kafka.stop();
        }
    }

    private static JobID awaitRunning(MiniClusterClient client, CompletableFuture<Void> job)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (job.isDone()) {
                job.get();
            }
            for (JobStatusMessage status : client.listJobs().get()) {
                if (status.getJobState() == JobStatus.RUNNING) {
                    return status.getJobId();
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the streaming job did not start within 2 minutes");
    }

    /** samples.csv, one row a sample, and verdict.json, one trend a series. */
    private static void write(Path work, List<Map<String, Double>> samples) throws Exception {
        List<String> columns = new ArrayList<>(samples.get(0).keySet());
        samples.forEach(
                s -> s.keySet().stream().filter(k -> !columns.contains(k)).forEach(columns::add));
        StringBuilder csv =
                new StringBuilder(String.join(",", columns.stream().map(Soak::quoted).toList()))
                        .append('\n');
        for (Map<String, Double> sample : samples) {
            csv.append(
                            String.join(
                                    ",",
                                    columns.stream()
                                            .map(
                                                    c ->
                                                            sample.containsKey(c)
                                                                    ? number(sample.get(c))
                                                                    : "")
                                            .toList()))
                    .append('\n');
        }
        Files.writeString(work.resolve("samples.csv"), csv, StandardCharsets.UTF_8);
        List<String> trends = new ArrayList<>();
        StringBuilder summary = new StringBuilder("\n== soak verdict ==\n");
        for (String column : columns) {
            if (!SoakSampler.judged(column)) {
                continue;
            }
            List<Trend.Sample> series =
                    samples.stream()
                            .filter(s -> s.containsKey(column))
                            .map(s -> new Trend.Sample(s.get(SoakSampler.ELAPSED), s.get(column)))
                            .toList();
            if (series.size() < 4) {
                continue;
            }
            Trend trend = Trend.of(column, series);
            trends.add(trend.json());
            summary.append(
                    String.format(
                            Locale.ROOT,
                            "%-60s %-8s mean %,.0f -> %,.0f; slope/min %,.1f -> %,.1f%n",
                            column,
                            trend.verdict(),
                            trend.firstHalfMean(),
                            trend.secondHalfMean(),
                            trend.firstHalfSlopePerMinute(),
                            trend.secondHalfSlopePerMinute()));
        }
        Files.writeString(
                work.resolve("verdict.json"),
                "{\"finished\":\""
                        + Instant.now()
                        + "\",\"samples\":"
                        + samples.size()
                        + ",\"trends\":[\n"
                        + String.join(",\n", trends)
                        + "\n]}\n",
                StandardCharsets.UTF_8);
        System.out.print(summary);
        System.out.println("samples: " + work.resolve("samples.csv"));
        System.out.println("verdict: " + work.resolve("verdict.json"));
    }

    private static String quoted(String column) {
        return column.contains(",") || column.contains(" ") ? "\"" + column + "\"" : column;
    }

    private static String number(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                return null;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("soak: expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
