package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.records.LateRecord;
import io.squeaky.records.ProvisionalRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.compactor.RecordWiseFileCompactor;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.parquet.avro.AvroParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction reads back, field for field, the rows a table's Parquet writer wrote. */
class ParquetRecordsTest {

    @TempDir Path dir;

    @Test
    void readsEveryRowTheTableWriterWroteInOrder() throws Exception {
        List<LateRecord> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(
                    LateRecord.newBuilder()
                            .setKind("post")
                            .setRecordId("twitter:" + i)
                            .setEventTime(1_507_000_000_000L + i)
                            .setWatermark(1_507_000_600_000L)
                            .setLatenessSeconds(600 - i)
                            .setReason("behind the watermark")
                            .build());
        }
        org.apache.flink.core.fs.Path file =
                new org.apache.flink.core.fs.Path(dir.resolve("part-0.parquet").toUri());
        try (FSDataOutputStream out = file.getFileSystem().create(file, WriteMode.OVERWRITE)) {
            BulkWriter<LateRecord> writer =
                    ParquetTables.writerFactory(LateRecord.class).create(out);
            for (LateRecord row : written) {
                writer.addElement(row);
            }
            writer.finish();
        }

        List<LateRecord> read = new ArrayList<>();
        try (RecordWiseFileCompactor.Reader<LateRecord> reader =
                ParquetRecords.specific(LateRecord.class).createFor(file)) {
            for (LateRecord row = reader.read(); row != null; row = reader.read()) {
                read.add(row);
            }
        }
        assertThat(read).containsExactlyElementsOf(written);
    }

    @Test
    void readsAProvisionalTablesFlatRowsAsTheSchemaTheyWereWrittenWith() throws Exception {
        Schema schema = ProvisionalTables.schema(LateRecord.class);
        MapFunction<ProvisionalRow, GenericRecord> flat = ProvisionalTables.flat(schema);
        List<GenericRecord> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LateRecord row =
                    LateRecord.newBuilder()
                            .setKind("post")
                            .setRecordId("twitter:" + i)
                            .setEventTime(1_507_000_000_000L + i)
                            .setWatermark(1_507_000_600_000L)
                            .setLatenessSeconds(600 - i)
                            .setReason("behind the watermark")
                            .build();
            written.add(flat.map(new ProvisionalRow(1_507_003_600_000L + i, row)));
        }
        org.apache.flink.core.fs.Path file =
                new org.apache.flink.core.fs.Path(dir.resolve("part-1.parquet").toUri());
        try (FSDataOutputStream out = file.getFileSystem().create(file, WriteMode.OVERWRITE)) {
            BulkWriter<GenericRecord> writer =
                    new ParquetWriterFactory<GenericRecord>(
                                    f ->
                                            AvroParquetWriter.<GenericRecord>builder(f)
                                                    .withSchema(schema)
                                                    .withDataModel(GenericData.get())
                                                    .build())
                            .create(out);
            for (GenericRecord row : written) {
                writer.addElement(row);
            }
            writer.finish();
        }

        List<String> read = new ArrayList<>();
        try (RecordWiseFileCompactor.Reader<GenericRecord> reader =
                ParquetRecords.generic().createFor(file)) {
            for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                assertThat(row.getSchema()).isEqualTo(schema);
                read.add(row.toString());
            }
        }
        assertThat(read).containsExactlyElementsOf(written.stream().map(Object::toString).toList());
        assertThat(read.get(2)).contains("\"status\": \"provisional\"", "1507003600002");
    }
}
