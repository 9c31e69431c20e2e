package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.DuckDb;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.ExchangeRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a table's writer encodes its columns, as DuckDB reads the file's metadata. */
class ParquetTablesTest {

    private static final long OPENED = 1_507_000_000_000L;
    private static final int ROWS = 2_000;

    @TempDir Path dir;

    @Test
    void columnsWhoseValuesHardlyRepeatAreWrittenWithoutADictionaryAndReadBackTheSame()
            throws Exception {
        Path file = dir.resolve("part-0.parquet");
        List<CaseIntervalRow> written = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            written.add(row(i));
        }
        write(file, written);

        Map<String, Boolean> dictionary = new HashMap<>();
        for (List<Object> column :
                DuckDb.rows(
                        "select path_in_schema, dictionary_page_offset is not null"
                                + " from parquet_metadata('"
                                + file
                                + "')")) {
            dictionary.put((String) column.get(0), (Boolean) column.get(1));
        }
        assertThat(dictionary)
                .containsEntry("opened_at", false)
                .containsEntry("start_seconds", false)
                .containsEntry("stop_seconds", false)
                .containsEntry("business_start_seconds", false)
                .containsEntry("business_stop_seconds", false)
                .containsEntry("followers_at_open", false)
                .containsEntry("case_id", false)
                .containsEntry("customer_id", false)
                // Values that repeat keep their dictionary.
                .containsEntry("brand", true)
                .containsEntry("period_start", true)
                .containsEntry("persistence", true);

        List<List<Object>> read =
                DuckDb.rows(
                        "select count(*), sum(stop_seconds), sum(business_stop_seconds),"
                                + " sum(followers_at_open), count(followers_at_open),"
                                + " min(epoch_ms(opened_at)), max(epoch_ms(opened_at))"
                                + " from read_parquet('"
                                + file
                                + "')");
        long stops = 0;
        long businessStops = 0;
        long followers = 0;
        long known = 0;
        for (CaseIntervalRow row : written) {
            stops += row.getStopSeconds();
            businessStops +=
                    row.getBusinessStopSeconds() == null ? 0 : row.getBusinessStopSeconds();
            if (row.getFollowersAtOpen() != null) {
                followers += row.getFollowersAtOpen();
                known++;
            }
        }
        assertThat(read.get(0))
                .extracting(value -> ((Number) value).longValue())
                .containsExactly(
                        (long) ROWS,
                        stops,
                        businessStops,
                        followers,
                        known,
                        OPENED,
                        OPENED + 7_919L * (ROWS - 1));
    }

    /**
     * The large tables' instants and durations are one value per case or post: each such column is
     * marked, so that a column added later does not bring the dictionary back unnoticed.
     */
    @ParameterizedTest
    @ValueSource(classes = {CaseRecord.class, ExchangeRecord.class, CaseIntervalRow.class})
    void everyInstantAndDurationOfTheLargeTablesIsWrittenWithoutADictionary(Class<?> table) {
        Schema schema = SpecificData.get().getSchema(table);
        List<String> instantsAndDurations =
                schema.getFields().stream()
                        .filter(field -> field.schema().toString().contains("\"long\""))
                        .map(Schema.Field::name)
                        .filter(name -> name.endsWith("_at") || name.contains("seconds"))
                        .toList();
        assertThat(instantsAndDurations).isNotEmpty();
        assertThat(TableSchemas.plainColumns(schema)).containsAll(instantsAndDurations);
    }

    private static CaseIntervalRow row(int i) {
        long start = i % 3 == 0 ? 0 : 60L * i;
        return CaseIntervalRow.newBuilder()
                .setCaseId("c" + i)
                .setCustomerId("u" + i)
                .setBrand(i % 2 == 0 ? "AppleSupport" : "Delta")
                .setEndpoint(i % 2 == 0 ? "first_reply" : "resolution")
                .setStartSeconds(start)
                .setStopSeconds(start + 37L * i + 1)
                .setEvent(i % 4 == 0)
                .setPublic$(i % 5 == 0)
                .setPersistence(i % 3)
                .setAmplification(0)
                .setBrandStorm(null)
                .setDeskOpen(i % 2 == 1)
                .setFollowersAtOpen(i % 7 == 0 ? null : 1_000L + 13L * i)
                .setLog10Followers(null)
                .setBusinessStartSeconds(i % 11 == 0 ? null : start / 2)
                .setBusinessStopSeconds(i % 11 == 0 ? null : (start + 37L * i + 1) / 2)
                .setBusinessEvent(i % 11 == 0 ? null : i % 4 == 0)
                .setFirstChannel("twitter")
                .setOpenedAt(OPENED + 7_919L * i)
                .setPeriodStart(OPENED - OPENED % 86_400_000L + (i / 500) * 86_400_000L)
                .build();
    }

    private static void write(Path path, List<CaseIntervalRow> rows) throws Exception {
        org.apache.flink.core.fs.Path file = new org.apache.flink.core.fs.Path(path.toUri());
        try (FSDataOutputStream out = file.getFileSystem().create(file, WriteMode.OVERWRITE)) {
            BulkWriter<CaseIntervalRow> writer =
                    ParquetTables.writerFactory(CaseIntervalRow.class).create(out);
            for (CaseIntervalRow row : rows) {
                writer.addElement(row);
            }
            writer.finish();
        }
    }
}
