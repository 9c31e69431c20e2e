package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.DuckDb;
import io.squeaky.SharedData;
import io.squeaky.TestClusters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's common mistakes, each met with one line and an exit code: a second run into a used
 * folder, input that is not what --format says, empty input, and paths that cannot work.
 */
class FirstHourITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    private static final String SAMPLE = SharedData.file("twcs/twcs-sample93.csv").toString();

    @TempDir Path dir;

    /** What a run printed, on each stream, and how it ended. */
    record Ran(int exit, String out, String err, double seconds) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Ran batch(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit =
                BatchJob.execute(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(
                exit,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - started) / 1e9);
    }

    private static long cases(Path output) throws Exception {
        return DuckDb.count(
                "SELECT count(*) FROM read_parquet('" + output + "/cases/dt=*/[!.]*.parquet')");
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedUnlessToldToOverwrite() throws Exception {
        Path output = dir.resolve("tables");
        Ran first = batch("--input", SAMPLE, "--output", output.toString(), "--parallelism", "2");
        assertThat(first.exit()).as(first.err()).isZero();
        long once = cases(output);
        assertThat(once).isPositive();

        Ran again = batch("--input", SAMPLE, "--output", output.toString(), "--parallelism", "2");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.errLines())
                .singleElement()
                .asString()
                .contains("already holds the tables of an earlier run")
                .contains("--overwrite");
        assertThat(again.out()).isEmpty();
        assertThat(cases(output)).as("the refused run added nothing").isEqualTo(once);

        Ran replaced =
                batch(
                        "--input",
                        SAMPLE,
                        "--output",
                        output.toString(),
                        "--parallelism",
                        "2",
                        "--overwrite");
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(cases(output)).as("overwritten, not appended").isEqualTo(once);
        assertThat(output.resolve("cases/_SUCCESS")).exists();
    }

    @Test
    void inputThatIsNotWhatFormatSaysEndsNonZeroAndNamesTheFormatItLooksLike() throws Exception {
        Ran csvAsV2 =
                batch(
                        "--input",
                        SAMPLE,
                        "--format",
                        "twitter-v2",
                        "--output",
                        dir.resolve("a").toString());
        assertThat(csvAsV2.exit()).isEqualTo(3);
        assertThat(csvAsV2.errLines())
                .singleElement()
                .asString()
                .contains("accepted none of the")
                .contains("looks like twcs: give --format twcs");
        assertThat(dir.resolve("a/cases/_SUCCESS")).doesNotExist();

        String v2 = SharedData.file("twitter-api-v2/twarc-csv_two_tweets.jsonl").toString();
        Ran v2AsCsv = batch("--input", v2, "--output", dir.resolve("b").toString());
        assertThat(v2AsCsv.exit()).isEqualTo(3);
        assertThat(v2AsCsv.errLines())
                .singleElement()
                .asString()
                .contains("looks like twitter-v2: give --format twitter-v2");

        String otherCsv = SharedData.file("cfpb/cfpb-complaints-sample.csv").toString();
        Ran otherEvents =
                batch(
                        "--input", SAMPLE,
                        "--events", otherCsv,
                        "--output", dir.resolve("c").toString());
        assertThat(otherEvents.exit()).isEqualTo(3);
        assertThat(otherEvents.errLines())
                .singleElement()
                .asString()
                .contains("ticket events read from --events as --events-format service-desk-csv");
    }

    @Test
    void generalTopicDataSaysWhyItMakesNoCase() throws Exception {
        Ran ran =
                batch(
                        "--input",
                                SharedData.file("twitter-api-v2/twarc-csv_brexit.jsonl").toString(),
                        "--format", "twitter-v2",
                        "--output", dir.resolve("v2").toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out())
                .contains("Wrote 0 cases")
                .contains(
                        "No case: none of the posts was addressed to, or answered by, a support"
                                + " account in --brands");
    }

    @Test
    void emptyInputEndsNonZeroWithOneLine() throws Exception {
        Path emptyFile = Files.createFile(dir.resolve("empty.csv"));
        Path emptyFolder = Files.createDirectories(dir.resolve("nothing"));
        Path unrelated = Files.createDirectories(dir.resolve("unrelated"));
        Files.writeString(unrelated.resolve("notes.txt"), "shopping list\neggs\n");
        for (Path input : List.of(emptyFile, emptyFolder, unrelated)) {
            Ran ran =
                    batch(
                            "--input", input.toString(),
                            "--output", dir.resolve("out-" + input.getFileName()).toString());
            assertThat(ran.exit()).as(input.toString()).isEqualTo(3);
            assertThat(ran.errLines()).as(input.toString()).hasSize(1);
        }
        assertThat(
                        batch(
                                        "--input",
                                        emptyFolder.toString(),
                                        "--output",
                                        dir.resolve("e").toString())
                                .err())
                .contains("read no records");
    }

    @Test
    void everydayMistakesCostOneLineAndExitCodeTwoBeforeAnyWorkStarts() throws Exception {
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        String out = dir.resolve("never").toString();
        List<String[]> mistakes = new ArrayList<>();
        mistakes.add(
                new String[] {"--input", dir.resolve("missing.csv").toString(), "--output", out});
        mistakes.add(
                new String[] {
                    "--input",
                    SAMPLE,
                    "--events",
                    dir.resolve("no-desk").toString(),
                    "--output",
                    out
                });
        mistakes.add(new String[] {"--input", SAMPLE, "--output", aFile.toString()});
        mistakes.add(
                new String[] {"--input", SAMPLE, "--output", "/proc/squeaky-cannot-write-here"});
        mistakes.add(new String[] {"--input", SAMPLE, "--output", "s3://bucket/squeaky"});
        mistakes.add(
                new String[] {
                    "--input",
                    SAMPLE,
                    "--output",
                    out,
                    "--salt-file",
                    dir.resolve("no-salt").toString()
                });
        mistakes.add(new String[] {"--input", SAMPLE, "--output", out, "--parallelism", "0"});
        mistakes.add(new String[] {"--input", SAMPLE, "--output", out, "--parallelism", "-1"});
        mistakes.add(
                new String[] {"--input", SAMPLE, "--output", out, "--bootstrap-replicates", "0"});
        mistakes.add(new String[] {"--input", SAMPLE, "--output", out, "--inactivity-gap", "0s"});
        List<String> messages = new ArrayList<>();
        for (String[] args : mistakes) {
            Ran ran = batch(args);
            String what = String.join(" ", args);
            assertThat(ran.exit()).as(what).isEqualTo(2);
            assertThat(ran.errLines()).as(what).hasSize(1);
            assertThat(ran.err()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(ran.out()).as(what).isEmpty();
            assertThat(ran.seconds()).as(what + ": before any work").isLessThan(5);
            messages.add(ran.err());
        }
        assertThat(Path.of(out)).as("no mistaken run created its output").doesNotExist();
        assertThat(messages.get(0)).contains("missing.csv: no such file or folder");
        assertThat(messages.get(1)).contains("--events").contains("no such file or folder");
        assertThat(messages.get(2)).contains("is a file");
        assertThat(messages.get(3)).contains("cannot write to --output");
        assertThat(messages.get(4)).contains("s3://").contains("flink-s3-fs-hadoop");
        assertThat(messages.get(5)).contains("--salt-file").contains("no such file");
        assertThat(messages.get(6)).contains("--parallelism must be at least 1");
        assertThat(messages.get(7)).contains("--parallelism must be at least 1");
        assertThat(messages.get(8)).contains("--bootstrap-replicates must be at least 1");
        assertThat(messages.get(9)).contains("--inactivity-gap must be longer than zero");
    }
}
