package io.squeaky.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.squeaky.deploy.StandaloneCluster;
import io.squeaky.generate.CrossChannelGenerator;
import io.squeaky.kafka.KafkaBroker;
import io.squeaky.replay.LoopedReplay;
import java.net.URI;
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

/**
 * The soak: the streaming job on a real Flink session cluster (a JobManager and one TaskManager
 * with two slots, each its own JVM, the job submitted from the shaded jar at parallelism 2),
 * reading a Kafka broker in this JVM, fed by a generated data set replayed in a loop at a fixed
 * rate. Every interval it samples the job's checkpoints, keyed-state entries, timers and records
 * read, and the TaskManager's live heap after a forced full collection ({@link SoakSampler}, {@link
 * LiveHeap}). Writes {@code samples.csv}, {@code verdict.json} (flat or growing, per series, by
 * {@link Trend}) and three class histograms of the TaskManager (first sample, half time, end) under
 * the work folder. A measurement, not a test: {@code jobs/soak} runs it.
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
              --job-jar JAR     the shaded job jar (default target/squeaky-job.jar)
              --flink-classpath FILE  Flink's distribution classpath, one line
                                (default target/flink-dist-classpath.txt)
            """;

    private static final int PARALLELISM = 2;
    private static final int TOP_CLASSES = 15;

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
        Path jar = Path.of(options.getOrDefault("job-jar", "target/squeaky-job.jar"));
        String flinkClasspath =
                Files.readString(
                                Path.of(
                                        options.getOrDefault(
                                                "flink-classpath",
                                                "target/flink-dist-classpath.txt")),
                                StandardCharsets.UTF_8)
                        .strip();
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
        Path output = work.resolve("out");
        List<String> jobArgs =
                List.of(
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
                        "--output", output.toString());
        try (StandaloneCluster cluster =
                StandaloneCluster.start(work.resolve("cluster"), flinkClasspath, 1)) {
            Process client =
                    cluster.submit(jar, "io.squeaky.jobs.StreamingJob", jobArgs, "soak-client");
            String id = awaitRunning(cluster, client);
            long end = System.nanoTime() + length.toNanos();
            CompletableFuture<Void> feeding =
                    CompletableFuture.runAsync(
                            () -> {
                                try {
                                    replay.run(
                                            kafka.bootstrapServers(),
                                            rate,
                                            () -> System.nanoTime() >= end || !client.isAlive());
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
            List<Map<String, Double>> samples = new ArrayList<>();
            try (LiveHeap heap = LiveHeap.of(cluster.taskManagerPid(1))) {
                System.out.printf(
                        "job %s on TaskManager pid %d; live heap read after %s%n",
                        id, cluster.taskManagerPid(1), heap.fullCollector());
                SoakSampler sampler =
                        new SoakSampler(
                                URI.create("http://127.0.0.1:" + cluster.restPort()),
                                JobID.fromHexString(id),
                                output.resolve("_state"),
                                replay,
                                cluster.taskManagerPid(1),
                                heap);
                long started = System.nanoTime();
                long half = started + length.toNanos() / 2;
                String halfTime = null;
                while (System.nanoTime() < end) {
                    Thread.sleep(every.toMillis());
                    if (!client.isAlive()) {
                        throw new IllegalStateException(
                                "the job's client exited:\n" + cluster.logs());
                    }
                    Map<String, Double> sample =
                            sampler.sample((System.nanoTime() - started) / 1e9);
                    samples.add(sample);
                    System.out.println(SoakSampler.line(sample));
                    if (samples.size() == 1) {
                        histogram(work, "start", heap);
                    } else if (halfTime == null && System.nanoTime() >= half) {
                        halfTime = histogram(work, "half", heap);
                    }
                }
                String last = histogram(work, "end", heap);
                feeding.get(1, TimeUnit.MINUTES);
                write(work, samples);
                if (halfTime != null) {
                    System.out.println(
                            "\n== TaskManager classes grown most from half time to the end ==");
                    ClassHistogram.parse(halfTime)
                            .grownInto(ClassHistogram.parse(last), TOP_CLASSES)
                            .forEach(g -> System.out.println(g.line()));
                }
            }
        } finally {
            kafka.stop();
        }
    }

    /** The TaskManager's class histogram, written to histogram-NAME.txt and returned. */
    private static String histogram(Path work, String name, LiveHeap heap) throws Exception {
        String text = heap.classHistogram();
        Files.writeString(work.resolve("histogram-" + name + ".txt"), text, StandardCharsets.UTF_8);
        return text;
    }

    private static String awaitRunning(StandaloneCluster cluster, Process client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!client.isAlive()) {
                throw new IllegalStateException("the job's client exited:\n" + cluster.logs());
            }
            for (JsonNode job : cluster.rest("/jobs/overview").path("jobs")) {
                if (job.path("state").asText().equals("RUNNING")
                        && allTasksRunning(cluster, job.path("jid").asText())) {
                    return job.path("jid").asText();
                }
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(
                "the streaming job did not start within 2 minutes:\n" + cluster.logs());
    }

    private static boolean allTasksRunning(StandaloneCluster cluster, String job) throws Exception {
        for (JsonNode vertex : cluster.rest("/jobs/" + job).path("vertices")) {
            if (!vertex.path("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
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
        String headline = "live heap: too few samples for a verdict\n";
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
                            "%-60s %-8s mean %,.1f -> %,.1f; 2nd-half slope %,.1f (± %,.1f) per 10"
                                    + " min, bound %,.1f%n",
                            column,
                            trend.verdict(),
                            trend.firstHalfMean(),
                            trend.secondHalfMean(),
                            trend.secondHalfSlopePerTenMinutes(),
                            trend.slopeStandardError(),
                            trend.boundPerTenMinutes()));
            if (column.equals(SoakSampler.LIVE_HEAP)) {
                headline =
                        String.format(
                                Locale.ROOT,
                                "live heap of the TaskManager after a full GC: mean %.1f MB (1st"
                                        + " half) -> %.1f MB (2nd half); slope over the 2nd half"
                                        + " %+.2f MB per 10 min (± %.2f), bound %.0f%% of the mean"
                                        + " = %.2f MB per 10 min: %s%n",
                                trend.firstHalfMean(),
                                trend.secondHalfMean(),
                                trend.secondHalfSlopePerTenMinutes(),
                                trend.slopeStandardError(),
                                Trend.BOUND_PER_TEN_MINUTES * 100,
                                trend.boundPerTenMinutes(),
                                trend.verdict().toUpperCase(Locale.ROOT));
            }
        }
        summary.append('\n').append(headline);
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
