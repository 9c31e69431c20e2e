package io.squeaky.bench;

import io.squeaky.flink.Counters;
import io.squeaky.generate.CrossChannelGenerator;
import io.squeaky.jobs.StreamingConfig;
import io.squeaky.jobs.StreamingJob;
import io.squeaky.kafka.KafkaBroker;
import io.squeaky.replay.ReplayRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.MiniClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;

/**
 * The streaming benchmark, in one process: an in-JVM Kafka broker, a local Flink MiniCluster (one
 * task manager, two slots, parallelism 2) and the replay producer. It measures
 *
 * <ol>
 *   <li>throughput: records a second the streaming job sustains from Kafka, as a bounded run over
 *       pre-loaded topics, job start to job end;
 *   <li>latency: the job's case-close latency (append to Kafka of a session's last record to its
 *       cases leaving case assembly) while the same data is replayed at half that rate into an
 *       unbounded run.
 * </ol>
 *
 * A benchmark, not a test: it prints figures and asserts nothing. {@code jobs/bench-stream} runs
 * it.
 */
public final class StreamingBenchmark {

    static final String USAGE =
            """
            Usage: jobs/bench-stream [--cases N] [--seed S] [--rate N] [--work DIR] [--json FILE]

              --cases N    tickets the cross-channel generator opens (default 60000, ~470k records)
              --seed S     generator seed (default 1)
              --rate N     replay rate of the latency run, records/s (default: half the measured
                           sustained rate)
              --work DIR   data, topics' output and checkpoints (default target/bench-stream)
              --json FILE  the figures as JSON (default target/bench/bench-stream.json)
            """;

    private static final int PARALLELISM = 2;
    private static final int PARTITIONS = 2;
    private static final String CHECKPOINT_INTERVAL = "10s";

    /** Pre-loading is not measured, so it goes as fast as the broker takes it. */
    private static final long PRELOAD_RATE = 1_000_000;

    /** After the replay, time for the closings it caused to leave before the histogram is read. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    /**
     * Task managers report accumulators with their heartbeat, so this is the resolution of the
     * first- and last-record times read from them.
     */
    private static final long HEARTBEAT_MILLIS = 500;

    private static final String HEARTBEAT = HEARTBEAT_MILLIS + " ms";

    /**
     * The job's latency clock starts at a record's Kafka timestamp; the broker's append time makes
     * that the moment the record entered Kafka rather than the moment the producer created it.
     */
    private static final Map<String, String> APPEND_TIME =
            Map.of("message.timestamp.type", "LogAppendTime");

    private final Options options;
    private final Path data;
    private final KafkaBroker kafka;
    private final MiniCluster cluster;
    private final ClusterClient<?> client;

    private StreamingBenchmark(
            Options options,
            Path data,
            KafkaBroker kafka,
            MiniCluster cluster,
            ClusterClient<?> client) {
        this.options = options;
        this.data = data;
        this.kafka = kafka;
        this.cluster = cluster;
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-stream: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path data = generate(options);
        KafkaBroker kafka = new KafkaBroker();
        kafka.start();
        MiniCluster cluster = startCluster(options.work());
        // StreamingJob asks for StreamExecutionEnvironment.getExecutionEnvironment(): this makes it
        // run on our cluster, whose running jobs we can then watch, rather than on a fresh one.
        TestStreamEnvironment.setAsContext(cluster, PARALLELISM);
        try (MiniClusterClient client =
                new MiniClusterClient(cluster.getConfiguration(), cluster)) {
            StreamingBenchmark bench =
                    new StreamingBenchmark(options, data, kafka, cluster, client);
            Throughput throughput = bench.throughput();
            Floor floor = bench.floor();
            long rate =
                    options.rate() > 0
                            ? options.rate()
                            : Math.max(1, Math.round(throughput.recordsPerSecond() / 2));
            Latency latency = bench.latency(rate);
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            printSummary(options, throughput, floor, latency, loadBefore, loadAfter);
            json(options, throughput, floor, latency).write(options.json());
        } finally {
            TestStreamEnvironment.unsetAsContext();
            cluster.close();
            kafka.stop();
        }
    }

    private static Path generate(Options options) throws IOException {
        Path data = options.work().resolve("data");
        System.out.printf(
                "generating %,d cases (seed %d) into %s%n", options.cases(), options.seed(), data);
        CrossChannelGenerator.main(
                new String[] {
                    "--output", data.toString(),
                    "--cases", Integer.toString(options.cases()),
                    "--seed", Long.toString(options.seed())
                });
        return data;
    }

    private static MiniCluster startCluster(Path work) throws Exception {
        Configuration configuration =
                Configuration.fromMap(
                        Map.of(
                                "heartbeat.interval",
                                HEARTBEAT,
                                // Checkpoints on disk, as any real deployment has them: the
                                // default keeps them in the job manager's memory, capped at 5 MB.
                                "execution.checkpointing.dir",
                                work.resolve("checkpoints").toAbsolutePath().toUri().toString()));
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(configuration)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(PARALLELISM)
                                // Another benchmark may hold the default REST port.
                                .withRandomPorts()
                                .build());
        cluster.start();
        return cluster;
    }

    /** Pre-loads the topics, then times a bounded run over them from job start to job end. */
    private Throughput throughput() throws Exception {
        Topics topics = createTopics("bench-throughput");
        System.out.println("pre-loading the topics (not timed)");
        ReplayRun.Result loaded = replay(topics, PRELOAD_RATE);
        System.out.printf(
                Locale.ROOT,
                "  %,d records in %.1f s (%,.0f records/s), %,d unreadable lines skipped%n",
                loaded.messages(),
                loaded.seconds(),
                loaded.messagesPerSecond(),
                loaded.skipped());

        StreamingConfig config =
                config(topics, "bench-throughput", clean("out-throughput"), "--bounded");
        System.out.println("throughput: bounded streaming run over the pre-loaded topics");
        CpuClock cpu = CpuClock.now();
        long started = System.nanoTime();
        try (ReadWatch watch = ReadWatch.start(client, started)) {
            JobExecutionResult result = StreamingJob.run(config, quiet());
            long ended = System.nanoTime();
            long records = count(result.getAllAccumulatorResults(), Counters.READ);
            double seconds = (ended - started) / 1e9;
            // The last reads may show only in the final result, after the job ended.
            double lastRead = watch.read() >= records ? watch.lastGrowthSeconds() : seconds;
            Throughput throughput =
                    new Throughput(
                            loaded,
                            records,
                            count(result.getAllAccumulatorResults(), Counters.CASES),
                            seconds,
                            watch.firstReadSeconds(),
                            lastRead,
                            cpu.since());
            throughput.print(System.out);
            return throughput;
        }
    }

    /** What the naive job sustained over the same topics: Squeaky's rate is read against it. */
    record Floor(long records, double seconds) {

        double recordsPerSecond() {
            return records / seconds;
        }
    }

    /** Times {@link StreamingFloor} over the throughput run's topics, job start to job end. */
    private Floor floor() throws Exception {
        Topics topics = new Topics("bench-throughput.posts", "bench-throughput.events");
        System.out.println("floor: the naive streaming job over the same topics");
        long started = System.nanoTime();
        long records =
                StreamingFloor.run(
                        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment
                                .getExecutionEnvironment(),
                        kafka.bootstrapServers(),
                        topics.posts(),
                        topics.events());
        Floor floor = new Floor(records, (System.nanoTime() - started) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  %,d records in %.1f s: %,.0f records/s%n",
                floor.records(),
                floor.seconds(),
                floor.recordsPerSecond());
        return floor;
    }

    private static BenchJson json(
            Options options, Throughput throughput, Floor floor, Latency latency) {
        LatencyFigures figures = latency.figures();
        double wait = latency.eventTimeWaitMillis();
        return new BenchJson()
                .put("benchmark", "stream")
                .put("cases", options.cases())
                .put("seed", options.seed())
                .put("parallelism", PARALLELISM)
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("records", throughput.records())
                .put("seconds", throughput.seconds())
                .put("records_per_second_sustained", throughput.recordsPerSecond())
                .put("records_per_second_reading", throughput.readingPerSecond())
                .put("floor_records", floor.records())
                .put("floor_records_per_second", floor.recordsPerSecond())
                .put("ratio_to_floor", throughput.recordsPerSecond() / floor.recordsPerSecond())
                .put("latency_replay_rate", latency.rate())
                .put("close_latency_closings", figures.count())
                .put("close_latency_p50_ms", figures.p50())
                .put("close_latency_p99_ms", figures.p99())
                .put("close_latency_max_ms", figures.max())
                .put("close_latency_event_time_wait_ms", wait)
                .put("close_latency_processing_p50_ms", Math.max(0, figures.p50() - wait))
                .put("close_latency_processing_p99_ms", Math.max(0, figures.p99() - wait));
    }

    /**
     * Starts an unbounded run on empty topics, replays the data into them at {@code rate} and reads
     * the close-latency histogram of the still running job once the last closings have left.
     */
    private Latency latency(long rate) throws Exception {
        Topics topics = createTopics("bench-latency");
        StreamingConfig config =
                config(topics, "bench-latency", clean("out-latency"), "--idleness", "2s");
        System.out.printf(
                "latency: unbounded streaming run, replay capped at %,d records/s%n", rate);
        CompletableFuture<Void> job = startUnbounded(config);
        JobID id = awaitAllTasksRunning(job);
        try {
            CpuClock cpu = CpuClock.now();
            try (ReadWatch watch = ReadWatch.start(client, System.nanoTime())) {
                ReplayRun.Result replayed = replay(topics, rate);
                System.out.printf(
                        "  replay done; waiting %d s for the last closings%n", SETTLE.toSeconds());
                Thread.sleep(SETTLE.toMillis());
                Map<String, Object> accumulators = client.getAccumulators(id).get();
                Latency latency =
                        new Latency(
                                rate,
                                replayed,
                                count(accumulators, Counters.READ),
                                count(accumulators, Counters.CASES),
                                LatencyFigures.of(accumulators.get(Counters.CASE_CLOSE_LATENCY)),
                                config.pipeline().rules().inactivityGap(),
                                config.pipeline().outOfOrderness(),
                                cpu.since());
                latency.print(System.out);
                return latency;
            }
        } finally {
            client.cancel(id).get(1, TimeUnit.MINUTES);
            job.handle((ignored, cancelled) -> null).get(1, TimeUnit.MINUTES);
        }
    }

    private record Topics(String posts, String events) {}

    private Topics createTopics(String prefix) throws Exception {
        Topics topics = new Topics(prefix + ".posts", prefix + ".events");
        kafka.createTopic(topics.posts(), PARTITIONS, APPEND_TIME);
        kafka.createTopic(topics.events(), PARTITIONS, APPEND_TIME);
        return topics;
    }

    private ReplayRun.Result replay(Topics topics, long rate) throws Exception {
        return ReplayRun.replay(
                kafka.bootstrapServers(),
                data.resolve("posts/posts.jsonl"),
                data.resolve("desk/events.csv"),
                topics.posts(),
                topics.events(),
                rate);
    }

    private StreamingConfig config(Topics topics, String group, Path output, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--bootstrap-servers", kafka.bootstrapServers(),
                                "--posts-topic", topics.posts(),
                                "--events-topic", topics.events(),
                                "--group-id", group,
                                "--checkpoint-interval", CHECKPOINT_INTERVAL,
                                "--brands", data.resolve("truth/brands.csv").toString(),
                                "--schedules", data.resolve("truth/schedules.json").toString(),
                                "--parallelism", Integer.toString(PARALLELISM),
                                "--provisional-every", options.provisionalEvery(),
                                "--output", output.toString()));
        args.addAll(List.of(extra));
        return StreamingConfig.fromArgs(args.toArray(String[]::new));
    }

    private static CompletableFuture<Void> startUnbounded(StreamingConfig config) {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        StreamingJob.run(config, quiet());
                    } catch (Exception e) {
                        // An unbounded job ends by being cancelled, which surfaces here.
                        throw new IllegalStateException(e);
                    }
                });
    }

    /**
     * Waits until the job's every task runs, so that the replay's first records are read at once
     * instead of waiting for the sources to come up and counting that wait as latency.
     */
    private JobID awaitAllTasksRunning(CompletableFuture<Void> job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (job.isDone()) {
                job.get(); // throws what stopped it
                throw new IllegalStateException("the streaming job ended before it ran");
            }
            for (JobStatusMessage status : client.listJobs().get()) {
                if (status.getJobState() == JobStatus.RUNNING
                        && allTasksRunning(status.getJobId())) {
                    return status.getJobId();
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the streaming job did not start within 2 minutes");
    }

    private boolean allTasksRunning(JobID id) throws Exception {
        for (AccessExecutionVertex task :
                cluster.getExecutionGraph(id).get().getAllExecutionVertices()) {
            if (task.getExecutionState() != ExecutionState.RUNNING) {
                return false;
            }
        }
        return true;
    }

    private Path clean(String name) throws IOException {
        Path dir = options.work().resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return dir;
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    /** 72h, 10m, 90s: as the job's options spell durations. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    static long count(Map<String, Object> accumulators, String name) {
        return accumulators.get(name) instanceof Number n ? n.longValue() : 0L;
    }

    private static void printSummary(
            Options options,
            Throughput throughput,
            Floor floor,
            Latency latency,
            double loadBefore,
            double loadAfter) {
        PrintStream out = System.out;
        out.println();
        out.println("== streaming benchmark summary ==");
        out.printf(
                Locale.ROOT,
                "data        %,d cases (seed %d): %,d records to Kafka, 2 topics x %d partitions;"
                        + " job parallelism %d, %d cores%n",
                options.cases(),
                options.seed(),
                throughput.loaded().messages(),
                PARTITIONS,
                PARALLELISM,
                Runtime.getRuntime().availableProcessors());
        out.printf(
                Locale.ROOT,
                "throughput  %,d records in %.1f s = %,.0f records/s sustained (job start to end)%n",
                throughput.records(),
                throughput.seconds(),
                throughput.recordsPerSecond());
        out.printf(
                Locale.ROOT,
                "            first record after %.1f s; first to last record read %,.0f records/s%n",
                throughput.firstReadSeconds(),
                throughput.readingPerSecond());
        out.printf(
                Locale.ROOT,
                "floor       naive job (parse, keyBy, keyed count, discard): %,.0f records/s;"
                        + " Squeaky sustains %.2f of it%n",
                floor.recordsPerSecond(),
                throughput.recordsPerSecond() / floor.recordsPerSecond());
        out.printf(
                Locale.ROOT,
                "latency     replay cap %,d records/s (achieved %,.0f/s over %.1f s)%n",
                latency.rate(),
                latency.replayed().messagesPerSecond(),
                latency.replayed().seconds());
        LatencyFigures figures = latency.figures();
        out.printf(
                Locale.ROOT,
                "            case-close latency: %,d closings, p50 %,d ms, p99 %,d ms, max %,d ms%n",
                figures.count(),
                figures.p50(),
                figures.p99(),
                figures.max());
        out.printf(
                Locale.ROOT,
                "            of which waiting for event time (gap %s + bound %s at %,.0fx) ~%,.0f ms;"
                        + " processing beyond it p50 %,.0f ms, p99 %,.0f ms%n",
                human(latency.gap()),
                human(latency.outOfOrder()),
                latency.replayed().eventTimePace(),
                latency.eventTimeWaitMillis(),
                Math.max(0, figures.p50() - latency.eventTimeWaitMillis()),
                Math.max(0, figures.p99() - latency.eventTimeWaitMillis()));
        out.printf(
                Locale.ROOT,
                "machine     load average %.2f before, %.2f after; CPU busy (cores, all processes /"
                        + " this one): throughput %s, latency %s%n",
                loadBefore,
                loadAfter,
                throughput.cpu(),
                latency.cpu());
    }

    /** What the bounded run measured; times in seconds from the call that starts the job. */
    record Throughput(
            ReplayRun.Result loaded,
            long records,
            long cases,
            double seconds,
            double firstReadSeconds,
            double lastReadSeconds,
            CpuUse cpu) {

        double recordsPerSecond() {
            return records / seconds;
        }

        /** The rate while reading, start-up and the end-of-input closing left out. */
        double readingPerSecond() {
            return records / Math.max(lastReadSeconds - firstReadSeconds, 1e-3);
        }

        void print(PrintStream out) {
            out.printf(
                    Locale.ROOT,
                    "  %,d records read (%s), %,d cases written, in %.1f s: %,.0f records/s%n"
                            + "  first record read after %.1f s, last after %.1f s (to +%s):"
                            + " %,.0f records/s while reading; CPU %s%n",
                    records,
                    Counters.READ,
                    cases,
                    seconds,
                    recordsPerSecond(),
                    firstReadSeconds,
                    lastReadSeconds,
                    HEARTBEAT,
                    readingPerSecond(),
                    cpu);
        }
    }

    /** What the unbounded run measured while the replay fed it at {@code rate}. */
    record Latency(
            long rate,
            ReplayRun.Result replayed,
            long records,
            long cases,
            LatencyFigures figures,
            Duration gap,
            Duration outOfOrder,
            CpuUse cpu) {

        /**
         * A session closes when the watermark passes its last record by the inactivity gap, and the
         * watermark trails the newest record by the out-of-order bound: in event time that is
         * fixed, in wall time it is that span divided by the replay's event-time pace. An estimate,
         * since the pace is uneven (nights and weekends are quieter).
         */
        double eventTimeWaitMillis() {
            return (gap.plus(outOfOrder).toMillis()) / replayed.eventTimePace();
        }

        void print(PrintStream out) {
            out.printf(
                    Locale.ROOT,
                    "  replayed %,d records in %.1f s (%,.0f/s; event time at %.0fx);"
                            + " job read %,d, wrote %,d cases; CPU %s%n"
                            + "  %s: %,d closings, p50 %,d ms, p99 %,d ms, max %,d ms%n",
                    replayed.messages(),
                    replayed.seconds(),
                    replayed.messagesPerSecond(),
                    replayed.eventTimePace(),
                    records,
                    cases,
                    cpu,
                    Counters.CASE_CLOSE_LATENCY,
                    figures.count(),
                    figures.p50(),
                    figures.p99(),
                    figures.max());
        }
    }

    /** Nearest-rank percentiles of Flink's Histogram accumulator: a count per whole millisecond. */
    record LatencyFigures(long count, int p50, int p99, int max) {

        static LatencyFigures of(Object accumulator) {
            TreeMap<Integer, Long> counts = new TreeMap<>();
            if (accumulator instanceof Map<?, ?> map) {
                map.forEach(
                        (millis, n) ->
                                counts.merge(
                                        ((Number) millis).intValue(),
                                        ((Number) n).longValue(),
                                        Long::sum));
            }
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                return new LatencyFigures(0, -1, -1, -1);
            }
            return new LatencyFigures(
                    total,
                    percentile(counts, total, 0.50),
                    percentile(counts, total, 0.99),
                    counts.lastKey());
        }

        private static int percentile(TreeMap<Integer, Long> counts, long total, double p) {
            long rank = (long) Math.ceil(p * total);
            long seen = 0;
            for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
                seen += entry.getValue();
                if (seen >= rank) {
                    return entry.getKey();
                }
            }
            return counts.lastKey();
        }
    }

    /**
     * Polls the running job's records-read count, to time its first and last read and to show
     * progress. Accumulators arrive with task-manager heartbeats, hence {@link #HEARTBEAT}.
     */
    static final class ReadWatch implements AutoCloseable {

        private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

        private final ClusterClient<?> client;
        private final long started;
        private final ScheduledExecutorService poller =
                Executors.newSingleThreadScheduledExecutor(
                        task -> {
                            Thread thread = new Thread(task, "bench-read-watch");
                            thread.setDaemon(true);
                            return thread;
                        });
        private volatile long read;
        private volatile long firstRead = -1;
        private volatile long lastGrowth = -1;
        private long lastProgress;

        private ReadWatch(ClusterClient<?> client, long started) {
            this.client = client;
            this.started = started;
            this.lastProgress = started;
        }

        static ReadWatch start(ClusterClient<?> client, long started) {
            ReadWatch watch = new ReadWatch(client, started);
            // Accumulators change only with a heartbeat, and each poll has the job manager
            // archive the whole execution graph and merge every accumulator (the close-latency
            // histogram's TreeMaps among them): polling every 100 ms took about 40% of the CPU
            // samples of a benchmark run from the job it measures.
            watch.poller.scheduleWithFixedDelay(
                    watch::poll, 0, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
            return watch;
        }

        private void poll() {
            try {
                for (JobStatusMessage job : client.listJobs().get()) {
                    if (job.getJobState() == JobStatus.RUNNING) {
                        observe(count(client.getAccumulators(job.getJobId()).get(), Counters.READ));
                    }
                }
            } catch (Exception e) {
                // A job between states; the next poll sees it settled.
            }
        }

        private void observe(long count) {
            long now = System.nanoTime();
            if (count > read) {
                if (read == 0) {
                    firstRead = now;
                }
                read = count;
                lastGrowth = now;
            }
            if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                lastProgress = now;
                System.out.printf(
                        "  %4ds: %,d records read%n", (now - started) / 1_000_000_000L, read);
            }
        }

        long read() {
            return read;
        }

        double firstReadSeconds() {
            return firstRead < 0 ? Double.NaN : (firstRead - started) / 1e9;
        }

        double lastGrowthSeconds() {
            return lastGrowth < 0 ? Double.NaN : (lastGrowth - started) / 1e9;
        }

        @Override
        public void close() {
            poller.shutdownNow();
        }
    }

    /** Cores kept busy over a phase: by every process on the machine, and by this one. */
    record CpuUse(double machine, double process) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f/%.2f", machine, process);
        }
    }

    /**
     * A reading of the machine's CPU counters ({@code /proc/stat}, Linux) and this process's CPU
     * time: the difference between two tells whether a neighbour competed for the cores.
     */
    record CpuClock(long busyTicks, long totalTicks, long processNanos, long wallNanos) {

        static CpuClock now() {
            long busy = -1;
            long total = -1;
            try {
                String[] fields =
                        Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                total = 0;
                // user nice system idle iowait irq softirq steal; guest time is inside user
                for (int i = 1; i <= 8 && i < fields.length; i++) {
                    total += Long.parseLong(fields[i]);
                }
                // idle and iowait are the fourth and fifth numbers
                busy = total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
            } catch (IOException | RuntimeException notLinux) {
                // Leaves the machine-wide figure unknown.
            }
            long process =
                    ((com.sun.management.OperatingSystemMXBean)
                                    ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime();
            return new CpuClock(busy, total, process, System.nanoTime());
        }

        CpuUse since() {
            CpuClock now = now();
            int cores = Runtime.getRuntime().availableProcessors();
            double machine =
                    busyTicks < 0 || now.totalTicks == totalTicks
                            ? Double.NaN
                            : cores
                                    * (double) (now.busyTicks - busyTicks)
                                    / (now.totalTicks - totalTicks);
            double process =
                    (double) (now.processNanos - processNanos) / (now.wallNanos - wallNanos);
            return new CpuUse(machine, process);
        }
    }

    /**
     * @param provisionalEvery the job's {@code --provisional-every}, its default unless given, so
     *     that the cost of provisional statistics can be measured against {@code off}
     */
    record Options(int cases, long seed, long rate, Path work, String provisionalEvery, Path json) {

        /** The options the arguments give, or null when they ask for help. */
        static Options parse(String[] args) {
            int cases = 60_000;
            long seed = 1;
            long rate = 0;
            Path work = Path.of("target/bench-stream");
            String provisionalEvery = "1h";
            Path json = Path.of("target", "bench", "bench-stream.json");
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--cases" -> cases = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--rate" -> rate = Long.parseLong(value);
                    case "--work" -> work = Path.of(value);
                    case "--provisional-every" -> provisionalEvery = value;
                    case "--json" -> json = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new Options(cases, seed, rate, work, provisionalEvery, json);
        }
    }
}
