package io.squeaky.bench;

import io.squeaky.flink.Counters;
import io.squeaky.flink.OutputTables;
import io.squeaky.generate.GeneratorSettings;
import io.squeaky.generate.TwcsGenerator;
import io.squeaky.jobs.BatchConfig;
import io.squeaky.jobs.BatchJob;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;

/**
 * A benchmark, not a test: times the batch job against DuckDB, the tool a one-machine analyst would
 * reach for, on the same generated TWCS file, and shows that both compute the same figures
 * (customer posts with a brand reply, median minutes to the first reply), with Spark as a third
 * column where PySpark is installed (see {@link SparkColumn}). Run it with {@code jobs/bench-batch
 * [--rows N] [--repeat R] [--seed S] [--parallelism P] [--json FILE] [--without-hazard-ratios]
 * [--no-spark] [--warmup-rows N] [--managed-memory SIZE]}; the figures also go to a JSON file
 * (default {@code target/bench/bench-batch-ROWS.json}). {@code --without-hazard-ratios} also times
 * each run without the {@code case_intervals} and {@code effects} tables, whose cost issue 11
 * bounds. {@code --managed-memory} passes the job's option of that name on, to time another size of
 * BATCH's sorts.
 */
public final class BatchBenchmark {

    private static final String DUCKDB_URL = "jdbc:duckdb:";

    /**
     * DuckDB's version of what the batch job's exchanges table holds: a brand row answers the
     * customer row its own in_response_to_tweet_id names, linked only if it comes no earlier than
     * its parent and within the job's default 7-day reply window, as io.squeaky.cases.CaseRules
     * links replies. One rule of the job is left out: a reply coming after the customer has been
     * quiet for the 72-hour inactivity gap falls outside the case. The generator keeps replies
     * within 60 hours, so on its files the two agree exactly; on real TWCS they may differ
     * slightly. created_at is read as TIMESTAMP: with a timestampformat, DuckDB 1.5 leaves a
     * TIMESTAMPTZ column null, and every TWCS time is UTC anyway.
     */
    private static final String CSV_QUERY =
            """
            WITH posts AS MATERIALIZED (
                SELECT tweet_id, inbound, created_at,
                       CAST(in_response_to_tweet_id AS BIGINT) AS parent_id
                FROM read_csv('%s', header = true, auto_detect = false,
                              quote = '"', escape = '"',
                              timestampformat = '%%a %%b %%d %%H:%%M:%%S %%z %%Y',
                              columns = {'tweet_id': 'BIGINT', 'author_id': 'VARCHAR',
                                         'inbound': 'BOOLEAN', 'created_at': 'TIMESTAMP',
                                         'text': 'VARCHAR', 'response_tweet_id': 'VARCHAR',
                                         'in_response_to_tweet_id': 'DOUBLE'})
            ),
            first_replies AS (
                SELECT customer.tweet_id,
                       min(date_diff('second', customer.created_at, reply.created_at)) AS seconds
                FROM posts customer
                JOIN posts reply ON reply.parent_id = customer.tweet_id
                WHERE customer.inbound AND NOT reply.inbound
                  AND reply.created_at >= customer.created_at
                  AND reply.created_at <= customer.created_at + INTERVAL 7 DAY
                GROUP BY customer.tweet_id
            )
            SELECT count(*), median(seconds) / 60.0 FROM first_replies
            """;

    private static final String EXCHANGES_QUERY =
            """
            SELECT count(seconds_to_reply), median(seconds_to_reply) / 60.0
            FROM read_parquet('%s/dt=*/*.parquet', hive_partitioning = true)
            """;

    private BatchBenchmark() {}

    record Settings(
            long rows,
            int repeat,
            long seed,
            int parallelism,
            Path dir,
            Path json,
            boolean withoutHazardRatios,
            boolean spark,
            long warmupRows,
            String managedMemory) {

        static final String OPTIONS =
                "--rows, --repeat, --seed, --parallelism, --dir, --json, --without-hazard-ratios,"
                        + " --no-spark, --warmup-rows, --managed-memory";

        static Settings fromArgs(String[] args) {
            long rows = 3_000_000;
            int repeat = 1;
            long seed = 42;
            int parallelism = 2;
            Path dir = Path.of("target", "bench");
            Path json = null;
            boolean withoutHazardRatios = false;
            boolean spark = true;
            long warmupRows = 50_000;
            String managedMemory = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--without-hazard-ratios" -> {
                        withoutHazardRatios = true;
                        continue;
                    }
                    case "--no-spark" -> {
                        spark = false;
                        continue;
                    }
                    default -> {}
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String value = args[i + 1].replace("_", "");
                switch (args[i++]) {
                    case "--rows" -> rows = Long.parseLong(value);
                    case "--repeat" -> repeat = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--parallelism" -> parallelism = Integer.parseInt(value);
                    case "--dir" -> dir = Path.of(args[i]);
                    case "--json" -> json = Path.of(args[i]);
                    case "--warmup-rows" -> warmupRows = Long.parseLong(value);
                    case "--managed-memory" -> managedMemory = args[i];
                    default ->
                            throw new IllegalArgumentException(
                                    "unknown option "
                                            + args[i - 1]
                                            + " (expected "
                                            + OPTIONS
                                            + ")");
                }
            }
            if (json == null) {
                json = dir.resolve("bench-batch-" + rows + ".json");
            }
            return new Settings(
                    rows,
                    repeat,
                    seed,
                    parallelism,
                    dir,
                    json,
                    withoutHazardRatios,
                    spark,
                    warmupRows,
                    managedMemory);
        }
    }

    /** Customer posts with at least one brand reply, and the median minutes to the first. */
    record ReplyFigures(long replied, double medianMinutes) {

        boolean agreesWith(ReplyFigures other) {
            return replied == other.replied && Math.abs(medianMinutes - other.medianMinutes) < 1e-9;
        }

        @Override
        public String toString() {
            return String.format(
                    "%,d replied customer posts, median %.2f min", replied, medianMinutes);
        }
    }

    /**
     * Wall-clock and process CPU seconds of one step. CPU time shows how much of the machine a step
     * got: on a shared machine the wall clock alone overstates a contended run.
     */
    record Timing(double wallSeconds, double cpuSeconds) {}

    /** A job run's time with the peak memory of this JVM while it ran. */
    record JobRun(Timing timing, double heapMegabytes, double rssMegabytes) {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromArgs(args);
        Path csv = inputFile(settings, settings.rows());
        long fileBytes = Files.size(csv);
        if (settings.warmupRows() > 0) {
            // The first job in a JVM also pays for compiling Flink's, Avro's, Parquet's and the
            // job's code: tens of CPU seconds, which would fall on whichever job is timed first.
            Path warmupOutput = settings.dir().resolve("out-warmup").toAbsolutePath();
            deleteRecursively(warmupOutput);
            List<Timing> warmup = new ArrayList<>();
            timed(
                    warmup,
                    () ->
                            runBatchJob(
                                    settings,
                                    inputFile(settings, settings.warmupRows()),
                                    warmupOutput,
                                    settings.dir().resolve("flink-warmup.log")));
            System.out.printf(
                    "warm-up (not timed): the job on %,d rows, %s%n",
                    settings.warmupRows(), describe(warmup.get(0)));
        }
        Path output = settings.dir().resolve("out").toAbsolutePath();
        Optional<String> noSpark =
                settings.spark() ? SparkColumn.unavailable() : Optional.of("--no-spark");

        List<JobRun> flinkRuns = new ArrayList<>();
        List<JobRun> leanRuns = new ArrayList<>();
        List<Timing> duckRuns = new ArrayList<>();
        List<SparkColumn.Result> sparkRuns = new ArrayList<>();
        long rows = 0;
        ReplyFigures fromCsv = null;
        for (int run = 1; run <= settings.repeat(); run++) {
            // Alternating which job goes first evens out the warm-up of this JVM and the page
            // cache; with one run, the job with all tables pays it.
            boolean leanFirst = run % 2 == 0;
            if (leanFirst) {
                runWithoutHazardRatios(settings, csv, run, leanRuns);
            }
            deleteRecursively(output);
            Path log = settings.dir().resolve("flink-run-" + run + ".log");
            long[] read = new long[1];
            flinkRuns.add(
                    timedJob(
                            () -> {
                                JobExecutionResult result = runBatchJob(settings, csv, output, log);
                                read[0] =
                                        ((Number) result.getAccumulatorResult(Counters.READ))
                                                .longValue();
                                return result;
                            }));
            rows = read[0];
            if (!leanFirst) {
                runWithoutHazardRatios(settings, csv, run, leanRuns);
            }
            fromCsv = timed(duckRuns, () -> queryCsv(csv));
            System.out.printf(
                    "run %d: Flink %s, DuckDB %s (job log: %s)%n",
                    run,
                    describe(flinkRuns.get(run - 1).timing()),
                    describe(duckRuns.get(run - 1)),
                    log);
            if (noSpark.isEmpty()) {
                SparkColumn.Result spark =
                        SparkColumn.run(
                                csv,
                                settings.parallelism(),
                                settings.dir().resolve("spark-run-" + run + ".log"));
                sparkRuns.add(spark);
                System.out.printf(
                        "run %d: Spark %.2f s (session start %.1f s more)%n",
                        run, spark.seconds(), spark.startupSeconds());
            }
        }
        ReplyFigures fromFlink = queryExchanges(output.resolve(OutputTables.EXCHANGES));

        Timing flink = median(flinkRuns.stream().map(JobRun::timing).toList());
        Timing duck = median(duckRuns);
        System.out.println();
        System.out.printf(
                "%,d rows (%,d MB) of generated TWCS, seed %d; Flink parallelism %d on %d cores;"
                        + " %s of %d run(s)%n",
                rows,
                fileBytes >> 20,
                settings.seed(),
                settings.parallelism(),
                Runtime.getRuntime().availableProcessors(),
                settings.repeat() > 1 ? "medians" : "result",
                settings.repeat());
        System.out.printf("%-32s %9s %12s %9s%n", "", "seconds", "events/s", "CPU s");
        printLine("Flink batch job (MiniCluster)", flink, rows);
        Timing lean = null;
        if (!leanRuns.isEmpty()) {
            lean = median(leanRuns.stream().map(JobRun::timing).toList());
            printLine("  without hazard-ratio tables", lean, rows);
        }
        printLine("DuckDB (JDBC, in-memory)", duck, rows);
        System.out.printf(
                "%-32s %8.1fx %12s %8.1fx%n",
                "Flink / DuckDB",
                flink.wallSeconds() / duck.wallSeconds(),
                "",
                flink.cpuSeconds() / duck.cpuSeconds());
        Double sparkSeconds = null;
        ReplyFigures fromSpark = null;
        if (sparkRuns.isEmpty()) {
            System.out.println("Spark: skipped, " + noSpark.orElseThrow());
        } else {
            sparkSeconds =
                    median(sparkRuns.stream().mapToDouble(SparkColumn.Result::seconds).toArray());
            fromSpark = sparkRuns.get(sparkRuns.size() - 1).figures();
            System.out.printf(
                    "%-32s %9.2f %,12.0f %9s%n",
                    "Spark (PySpark local[" + settings.parallelism() + "])",
                    sparkSeconds,
                    rows / sparkSeconds,
                    "");
            System.out.printf(
                    "%-32s %8.1fx%n", "Flink / Spark", flink.wallSeconds() / sparkSeconds);
        }
        if (lean != null) {
            System.out.printf(
                    "case_intervals and effects cost: %+.1f%% wall, %+.1f%% CPU over the job"
                            + " without them%n",
                    100 * (flink.wallSeconds() / lean.wallSeconds() - 1),
                    100 * (flink.cpuSeconds() / lean.cpuSeconds() - 1));
        }
        JobRun lastRun = flinkRuns.get(flinkRuns.size() - 1);
        System.out.printf(
                "peak memory of the (last) job run: heap %.0f MB, RSS %.0f MB%n",
                lastRun.heapMegabytes(), lastRun.rssMegabytes());
        System.out.println();
        System.out.println("Flink (exchanges table): " + fromFlink);
        System.out.println("DuckDB (CSV):            " + fromCsv);
        if (fromSpark != null) {
            System.out.println("Spark (CSV):             " + fromSpark);
        }
        boolean agree =
                fromFlink.agreesWith(fromCsv)
                        && (fromSpark == null || fromSpark.agreesWith(fromCsv));
        System.out.println(
                agree
                        ? "The figures agree."
                        : "THE FIGURES DIFFER: the engines do not compute the same thing.");
        System.out.println();
        List<TableSizes.Size> sizes = TableSizes.print(output);

        BenchJson json =
                new BenchJson()
                        .put("benchmark", "batch")
                        .put("rows", rows)
                        .put("file_mb", fileBytes / (1024.0 * 1024))
                        .put("seed", settings.seed())
                        .put("parallelism", settings.parallelism())
                        .put("managed_memory", settings.managedMemory())
                        .put("cores", Runtime.getRuntime().availableProcessors())
                        .put("runs", settings.repeat())
                        .put("squeaky_seconds", flink.wallSeconds())
                        .put("squeaky_cpu_seconds", flink.cpuSeconds())
                        .put("duckdb_seconds", duck.wallSeconds())
                        .put("ratio_to_duckdb", flink.wallSeconds() / duck.wallSeconds())
                        .put("cpu_ratio_to_duckdb", flink.cpuSeconds() / duck.cpuSeconds())
                        .put("spark_seconds", sparkSeconds)
                        .put(
                                "ratio_to_spark",
                                sparkSeconds == null ? null : flink.wallSeconds() / sparkSeconds)
                        .put("spark_skipped", noSpark.orElse(null))
                        .put("figures_agree", agree)
                        .put("replied_customer_posts", fromFlink.replied())
                        .put("median_minutes_to_first_reply", fromFlink.medianMinutes())
                        .put("peak_heap_mb", lastRun.heapMegabytes())
                        .put("peak_rss_mb", lastRun.rssMegabytes());
        if (lean != null) {
            JobRun lastLean = leanRuns.get(leanRuns.size() - 1);
            json.put("without_hazard_ratios_seconds", lean.wallSeconds())
                    .put("without_hazard_ratios_cpu_seconds", lean.cpuSeconds())
                    .put(
                            "hazard_ratio_tables_wall_overhead",
                            flink.wallSeconds() / lean.wallSeconds() - 1)
                    .put(
                            "hazard_ratio_tables_cpu_overhead",
                            flink.cpuSeconds() / lean.cpuSeconds() - 1)
                    .put("without_hazard_ratios_peak_heap_mb", lastLean.heapMegabytes())
                    .put("without_hazard_ratios_peak_rss_mb", lastLean.rssMegabytes());
        }
        for (TableSizes.Size size : sizes) {
            json.put(size.table() + "_rows", size.rows())
                    .put(size.table() + "_mb", size.megabytes());
        }
        json.write(settings.json());
    }

    private static void printLine(String name, Timing timing, long rows) {
        System.out.printf(
                "%-32s %9.2f %,12.0f %9.1f%n",
                name, timing.wallSeconds(), rows / timing.wallSeconds(), timing.cpuSeconds());
    }

    private static String describe(Timing timing) {
        return String.format("%.2f s (%.1f CPU s)", timing.wallSeconds(), timing.cpuSeconds());
    }

    /** Same input and settings, case_intervals and effects left empty: their cost. */
    private static void runWithoutHazardRatios(
            Settings settings, Path csv, int run, List<JobRun> leanRuns) throws Exception {
        if (!settings.withoutHazardRatios()) {
            return;
        }
        Path leanOutput = settings.dir().resolve("out-without-hazard-ratios").toAbsolutePath();
        deleteRecursively(leanOutput);
        Path log = settings.dir().resolve("flink-run-" + run + "-without.log");
        leanRuns.add(
                timedJob(() -> runBatchJob(settings, csv, leanOutput, log, "--no-hazard-ratios")));
        System.out.printf(
                "run %d without case_intervals and effects: Flink %s%n",
                run, describe(leanRuns.get(leanRuns.size() - 1).timing()));
    }

    private static JobRun timedJob(Callable<JobExecutionResult> job) throws Exception {
        List<Timing> timing = new ArrayList<>();
        System.gc();
        try (PeakMemory peak = PeakMemory.start()) {
            timed(timing, job);
            return new JobRun(timing.get(0), peak.heapMegabytes(), peak.rssMegabytes());
        }
    }

    private static <T> T timed(List<Timing> timings, Callable<T> step) throws Exception {
        long wallStarted = System.nanoTime();
        long cpuStarted = processCpuNanos();
        T value = step.call();
        timings.add(
                new Timing(
                        (System.nanoTime() - wallStarted) / 1e9,
                        (processCpuNanos() - cpuStarted) / 1e9));
        return value;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Path inputFile(Settings settings, long rows) throws IOException {
        Path csv =
                settings.dir()
                        .resolve("twcs-" + rows + "-seed" + settings.seed() + ".csv")
                        .toAbsolutePath();
        if (Files.isRegularFile(csv)) {
            System.out.println("reusing " + csv);
            return csv;
        }
        GeneratorSettings generator =
                GeneratorSettings.fromArgs(
                        new String[] {
                            "--output", csv.toString(),
                            "--rows", Long.toString(rows),
                            "--seed", Long.toString(settings.seed())
                        });
        System.out.println(TwcsGenerator.generate(generator).line(csv));
        return csv;
    }

    private static JobExecutionResult runBatchJob(
            Settings settings, Path csv, Path output, Path log, String... extra) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--input", csv.toString(),
                                "--format", "twcs",
                                "--output", output.toString(),
                                "--parallelism", Integer.toString(settings.parallelism())));
        if (settings.managedMemory() != null) {
            args.addAll(List.of("--managed-memory", settings.managedMemory()));
        }
        args.addAll(List.of(extra));
        BatchConfig config = BatchConfig.fromArgs(args.toArray(String[]::new));
        try (PrintStream report =
                new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            return BatchJob.run(config, report);
        }
    }

    private static ReplyFigures queryCsv(Path csv) throws SQLException {
        return replyFigures(String.format(CSV_QUERY, csv));
    }

    private static ReplyFigures queryExchanges(Path table) throws SQLException {
        return replyFigures(String.format(EXCHANGES_QUERY, table));
    }

    private static ReplyFigures replyFigures(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DUCKDB_URL);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return new ReplyFigures(result.getLong(1), result.getDouble(2));
        }
    }

    private static Timing median(List<Timing> runs) {
        return new Timing(
                median(runs.stream().mapToDouble(Timing::wallSeconds).toArray()),
                median(runs.stream().mapToDouble(Timing::cpuSeconds).toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.delete(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }
}
