package io.squeaky.jobs;

import static io.squeaky.SameRows.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.DuckDb;
import io.squeaky.SharedData;
import io.squeaky.TestClusters;
import io.squeaky.flink.OutputTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch job writes the same tables whether it reads its TWCS files whole or in pieces of a few
 * KB, so small that they cut through quoted multi-line tweets: the real extracts and a file of
 * byte-order mark, padding rows and rejects, read by two source readers.
 */
class FilePiecesITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    private static final String QUIRKS =
            "\ufefftweet_id,author_id,inbound,created_at,text,response_tweet_id,"
                    + "in_response_to_tweet_id\r\n"
                    + "901,AmazonHelp,False,Tue Oct 31 10:12:00 +0000 2017,\"@900 Sorry\n"
                    + "to hear\r that\",,900.0\n"
                    + ",,,,,,\n,,,,,,\n"
                    + "900,9000,True,Tue Oct 31 10:00:00 +0000 2017,@AmazonHelp lost,901,\n"
                    + "902,9000,Perhaps,Tue Oct 31 10:20:00 +0000 2017,@AmazonHelp hello,,\n"
                    + "903,9000,True,Tue Oct 31 10:21:00 +0000 2017,short,row\n"
                    + ",,,,,,\n";

    @TempDir Path dir;

    @Test
    void piecesOfAFewKilobytesWriteTheTablesOfWholeFiles() throws Exception {
        Path quirks = dir.resolve("quirks.csv");
        Files.writeString(quirks, QUIRKS.repeat(40), StandardCharsets.UTF_8);
        String inputs =
                String.join(
                        ",",
                        SharedData.file("twcs/twcs-head5000.csv").toString(),
                        SharedData.file("twcs/twcs-sample93.csv").toString(),
                        quirks.toString());
        Path whole = dir.resolve("whole");
        Path pieces = dir.resolve("pieces");
        String wholeReport = run(inputs, whole, "0");
        String piecesReport = run(inputs, pieces, "3kb");

        assertThat(withoutProgress(piecesReport))
                .isEqualTo(withoutProgress(wholeReport))
                .contains("120 blank rows skipped");
        for (String table : OutputTables.ALL) {
            boolean written = hasRows(whole.resolve(table));
            assertThat(hasRows(pieces.resolve(table))).as(table).isEqualTo(written);
            if (!written) {
                continue;
            }
            String a = DuckDb.table(whole, table);
            String b = DuckDb.table(pieces, table);
            assertThat(DuckDb.count("SELECT count(*) FROM " + b))
                    .as("%s rows", table)
                    .isEqualTo(DuckDb.count("SELECT count(*) FROM " + a));
            assertSameRows(table, a, "the whole-file run", b, "the run in pieces");
        }
        assertThat(DuckDb.count("SELECT count(*) FROM " + DuckDb.table(pieces, "rejects")))
                .isGreaterThanOrEqualTo(80);
    }

    /** Whether a table folder holds a visible Parquet file (a table without rows has none). */
    private static boolean hasRows(Path table) throws IOException {
        if (!Files.isDirectory(table)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(table)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".parquet") && !name.startsWith("."));
        }
    }

    /** The report without the progress lines, which depend on timing. */
    private static String withoutProgress(String report) {
        return report.replaceAll("(?m)^ *\\d+s: .*\n", "");
    }

    private static String run(String inputs, Path output, String splitSize) throws Exception {
        return BatchJobITCase.run(
                "--input",
                inputs,
                "--output",
                output.toString(),
                "--parallelism",
                "2",
                "--split-size",
                splitSize);
    }
}
