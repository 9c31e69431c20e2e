package io.squeaky.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.squeaky.DuckDb;
import io.squeaky.SharedData;
import io.squeaky.jobs.IndependentTwcsReading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment test: the shaded job jar, as built by {@code mvn package}, submitted with Flink's
 * CLI to a real session cluster of three JVMs (a JobManager and two TaskManagers started from
 * Flink's jars), runs the batch job on the Kaggle extract across both TaskManagers and writes the
 * same tables as the embedded runs. It runs after packaging, under failsafe.
 */
class StandaloneClusterIT {

    @TempDir Path dir;

    @Test
    void theShadedJarRunsOnASessionClusterAcrossTwoTaskManagers() throws Exception {
        Path jar = Path.of(System.getProperty("squeaky.job.jar"));
        String flinkClasspath =
                Files.readString(
                                Path.of(System.getProperty("squeaky.flink.dist.classpath")),
                                StandardCharsets.UTF_8)
                        .strip();
        assertThat(jar).exists();
        Path tables = dir.resolve("tables");
        long casesWritten;

        try (StandaloneCluster cluster =
                StandaloneCluster.start(dir.resolve("cluster"), flinkClasspath, 2)) {
            StandaloneCluster.CliResult submitted =
                    cluster.run(
                            jar,
                            "io.squeaky.jobs.BatchJob",
                            List.of(
                                    "--input",
                                    SharedData.file("twcs/twcs-head5000.csv").toString(),
                                    "--format",
                                    "twcs",
                                    "--output",
                                    tables.toString(),
                                    "--parallelism",
                                    "4"),
                            Duration.ofMinutes(4));

            assertThat(submitted.exitCode())
                    .as("flink run printed:%n%s%ncluster:%n%s", submitted.output(), cluster.logs())
                    .isZero();
            assertThat(submitted.output())
                    .contains("Read 5,000 posts: 5,000 accepted, 0 rejected, 0 late");
            Matcher wrote = Pattern.compile("Wrote ([0-9,]+) cases").matcher(submitted.output());
            assertThat(wrote.find()).isTrue();
            casesWritten = Long.parseLong(wrote.group(1).replace(",", ""));

            JsonNode jobs = cluster.rest("/jobs/overview").path("jobs");
            assertThat(jobs).hasSize(1);
            JsonNode job = jobs.get(0);
            assertThat(job.path("state").asText()).isEqualTo("FINISHED");
            assertThat(cluster.taskManagersRunning(job.path("jid").asText()))
                    .as("task managers that ran the job's tasks")
                    .containsExactly("taskmanager-1", "taskmanager-2");
        }

        assertThat(tables.resolve("cases/_SUCCESS")).exists();
        assertThat(DuckDb.count("SELECT count(*) FROM " + DuckDb.table(tables, "cases")))
                .as("the cases the summary counted")
                .isEqualTo(casesWritten);
        assertThat(
                        DuckDb.count(
                                "SELECT count(*) FROM "
                                        + DuckDb.table(tables, "exchanges")
                                        + " WHERE replied_at IS NOT NULL"))
                .as("as a plain reading of the CSV links them, at default settings")
                .isEqualTo(
                        IndependentTwcsReading.of(
                                        SharedData.file("twcs/twcs-head5000.csv"),
                                        Duration.ofDays(7))
                                .repliedCustomerPosts());
        assertThat(DuckDb.count("SELECT count(*) FROM " + DuckDb.table(tables, "brand_metrics")))
                .isPositive();
    }
}
