package io.squeaky.kafka;

import static io.squeaky.DuckDb.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.DuckDb;
import io.squeaky.TestClusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded streaming run with compaction, repeated: every run must leave every case visible and no
 * file hidden. The cases all close at once when the sentinels move the watermark past their
 * timeout, just before the input ends, so their files are written across the last checkpoints and
 * the end of input, where a merge still pending at the end would lose them.
 */
class CompactedBoundedRunITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    private static final String TOPIC = "posts-compacted-bounded";
    private static final int CUSTOMERS = 300;
    private static final int RUNS = 6;

    @TempDir Path dir;

    @Test
    void everyRunOfABoundedCompactedReplayLeavesEveryCaseVisible() throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        for (int partition = 0; partition < 2; partition++) {
            List<String> messages =
                    new ArrayList<>(ExactlyOnceITCase.conversations(partition, CUSTOMERS));
            messages.add(StopAndResumeITCase.sentinel(partition));
            KAFKA.send(TOPIC, partition, messages);
        }
        List<String> outcomes = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            // Alternately checkpoints about as often as the reference run of UpgradeITCase and
            // much more often, so that checkpoints fall among the last files too.
            String checkpoints = run % 2 == 0 ? "500ms" : "100ms";
            String compact = run % 2 == 0 ? "1s" : "200ms";
            Path output = dir.resolve("run-" + run);
            String report =
                    KafkaInputITCase.run(
                            arguments(output, "compacted-bounded-" + run, checkpoints, compact));
            outcomes.add(
                    read(report)
                            + "; run "
                            + run
                            + " ("
                            + checkpoints
                            + ", every "
                            + compact
                            + "): "
                            + cases(output)
                            + " cases, hidden files "
                            + hidden(output));
        }
        assertThat(outcomes)
                .allSatisfy(
                        outcome ->
                                assertThat(outcome)
                                        .contains(" 0 late,")
                                        .endsWith(2 * CUSTOMERS + " cases, hidden files []"));
    }

    /** The report's line of what was read: accepted, rejected and late records. */
    private static String read(String report) {
        return report.lines()
                .filter(line -> line.startsWith("Read ") || line.startsWith("Wrote "))
                .reduce((a, b) -> a + " " + b)
                .orElse(report);
    }

    private static long cases(Path output) throws Exception {
        if (!Files.exists(output.resolve("cases").resolve("dt=2017-10-02"))) {
            return 0;
        }
        return count(
                "SELECT count(*) FROM "
                        + DuckDb.table(output, "cases")
                        + " WHERE opened_at < TIMESTAMPTZ '2017-11-01 00:00:00+00'");
    }

    /** Files a reader's glob skips: those of a merge that never happened. */
    private static List<String> hidden(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().startsWith("."))
                    .filter(file -> !file.toString().contains("checkpoints"))
                    .map(file -> output.relativize(file).toString())
                    .sorted()
                    .toList();
        }
    }

    private static String[] arguments(
            Path output, String group, String checkpoints, String compact) {
        return PostsTopic.arguments(
                        KAFKA.bootstrapServers(),
                        TOPIC,
                        group,
                        "--bounded",
                        "--checkpoint-interval",
                        checkpoints,
                        "--compact-every",
                        compact,
                        "--output",
                        output.toString(),
                        "--parallelism",
                        "2")
                .toArray(String[]::new);
    }
}
