package io.squeaky.flink;

import io.squeaky.records.ProvisionalRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The companion tables of provisional rows, {@code <table>_provisional}: each holds its statistics
 * table's columns, in the same order and of the same types, then {@code status} (always {@code
 * provisional}) and {@code as_of}. Partitioned and committed like the final tables.
 */
public final class ProvisionalTables {

    public static final String SUFFIX = "_provisional";
    public static final String STATUS = "provisional";

    private ProvisionalTables() {}

    /** The companion table of provisional rows of one row type. */
    public static <T extends SpecificRecordBase> FileSink<ProvisionalRow> table(
            String outputDir, String finalTable, Class<T> rowType) {
        return FileSink.forBulkFormat(
                        new Path(outputDir, finalTable + SUFFIX),
                        new FlatWriters(schema(rowType).toString()))
                .withBucketAssigner(
                        new ParquetTables.DatePartitions<ProvisionalRow>(
                                r ->
                                        ParquetTables.utcDate(
                                                (Long)
                                                        ((SpecificRecordBase) r.getRow())
                                                                .get("period_start"))))
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix("part")
                                .withPartSuffix(".parquet")
                                .build())
                .build();
    }

    /** The final table's schema with {@code status} and {@code as_of} appended. */
    static Schema schema(Class<? extends SpecificRecordBase> rowType) {
        Schema row = TableSchemas.withLogicalTypes(SpecificData.get().getSchema(rowType));
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : row.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(
                new Schema.Field(
                        "status",
                        Schema.create(Schema.Type.STRING),
                        "provisional: the period is not final yet",
                        (Object) null));
        fields.add(
                new Schema.Field(
                        "as_of",
                        LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)),
                        "the instant the figures hold at: cases open then are censored there",
                        (Object) null));
        return Schema.createRecord(
                row.getName() + "Provisional", row.getDoc(), row.getNamespace(), false, fields);
    }

    /** Writes each provisional row as one flat Parquet row. */
    private static final class FlatWriters implements BulkWriter.Factory<ProvisionalRow> {

        private final String schema;

        FlatWriters(String schema) {
            this.schema = schema;
        }

        @Override
        public BulkWriter<ProvisionalRow> create(FSDataOutputStream out) throws IOException {
            Schema flat = new Schema.Parser().parse(schema);
            BulkWriter<GenericRecord> parquet =
                    new ParquetWriterFactory<GenericRecord>(
                                    file ->
                                            AvroParquetWriter.<GenericRecord>builder(file)
                                                    .withSchema(flat)
                                                    .withDataModel(GenericData.get())
                                                    .withCompressionCodec(
                                                            CompressionCodecName.SNAPPY)
                                                    .withPageSize(ParquetTables.PAGE_SIZE)
                                                    .build())
                            .create(out);
            int columns = flat.getFields().size() - 2;
            return new BulkWriter<>() {
                @Override
                public void addElement(ProvisionalRow element) throws IOException {
                    SpecificRecordBase row = (SpecificRecordBase) element.getRow();
                    GenericData.Record record = new GenericData.Record(flat);
                    for (int i = 0; i < columns; i++) {
                        record.put(i, row.get(i));
                    }
                    record.put(columns, STATUS);
                    record.put(columns + 1, element.getAsOf());
                    parquet.addElement(record);
                }

                @Override
                public void flush() throws IOException {
                    parquet.flush();
                }

                @Override
                public void finish() throws IOException {
                    parquet.finish();
                }
            };
        }
    }
}
