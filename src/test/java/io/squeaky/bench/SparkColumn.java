package io.squeaky.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The batch benchmark's third column: Apache Spark (PySpark in {@code local[P]}) computing the same
 * reply figures over the same CSV with {@code jobs/bench-spark.py}, where {@code pyspark} can be
 * imported. The Python is {@code $SQUEAKY_SPARK_PYTHON}, else {@code target/venv-spark/bin/python}
 * when that exists, else {@code python3}.
 */
final class SparkColumn {

    static final Path SCRIPT = Path.of("jobs", "bench-spark.py");

    /** What Spark measured: its query time after the session is up, and the session's start. */
    record Result(BatchBenchmark.ReplyFigures figures, double seconds, double startupSeconds) {}

    private SparkColumn() {}

    static String python() {
        String configured = System.getenv("SQUEAKY_SPARK_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path venv = Path.of("target", "venv-spark", "bin", "python");
        return Files.isExecutable(venv) ? venv.toString() : "python3";
    }

    /** Why the column is skipped, or empty when {@code pyspark} imports. */
    static Optional<String> unavailable() {
        try {
            Process check =
                    new ProcessBuilder(python(), "-c", "import pyspark")
                            .redirectErrorStream(true)
                            .start();
            check.getInputStream().readAllBytes();
            return check.waitFor() == 0
                    ? Optional.empty()
                    : Optional.of(
                            "pyspark is not importable by "
                                    + python()
                                    + " (see jobs/README.md: python3 -m venv target/venv-spark &&"
                                    + " target/venv-spark/bin/pip install pyspark)");
        } catch (IOException e) {
            return Optional.of("no " + python() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    static Result run(Path csv, int parallelism, Path log)
            throws IOException, InterruptedException {
        Process spark =
                new ProcessBuilder(
                                List.of(
                                        python(),
                                        SCRIPT.toString(),
                                        csv.toString(),
                                        Integer.toString(parallelism)))
                        .redirectError(log.toFile())
                        .start();
        String out = new String(spark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (spark.waitFor() != 0) {
            throw new IOException("the Spark query failed; see " + log);
        }
        return new Result(
                new BatchBenchmark.ReplyFigures(
                        (long) number(out, "replied"), number(out, "median_minutes")),
                number(out, "seconds"),
                number(out, "startup_seconds"));
    }

    private static double number(String json, String field) throws IOException {
        Matcher m = Pattern.compile("\"" + field + "\": ([-0-9.eE+]+)").matcher(json);
        if (!m.find()) {
            throw new IOException("no " + field + " in the Spark query's output: " + json);
        }
        return Double.parseDouble(m.group(1));
    }
}
