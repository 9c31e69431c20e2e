package io.squeaky.flink;

import io.squeaky.records.ProvisionalRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.parquet.avro.AvroParquetWriter;

/**
 * The companion tables of provisional rows, {@code <table>_provisional}: each holds its statistics
 * table's columns, in the same order and of the same types, then {@code status} (always {@code
 * provisional}) and {@code as_of}. Partitioned by the UTC date of {@code as_of}, committed and
 * merged like the final tables.
 */
public final class ProvisionalTables {

    public static final String SUFFIX = "_provisional";
    public static final String STATUS = "provisional";

    private ProvisionalTables() {}

    /**
     * The companion table of provisional rows of one row type, written (and, in a streaming run,
     * merged) like the final tables; its rows come flat, from {@link #flat}.
     */
    public static FileSink<GenericRecord> table(
            String outputDir,
            String finalTable,
            Schema schema,
            FileCompaction compaction,
            Duration closeQuietParts) {
        String text = schema.toString();
        return ParquetTables.partitioned(
                new Path(outputDir, finalTable + SUFFIX),
                new ParquetWriterFactory<>(
                        out ->
                                ParquetTables.open(
                                        AvroParquetWriter.<GenericRecord>builder(out)
                                                .withSchema(new Schema.Parser().parse(text))
                                                .withDataModel(GenericData.get()))),
                // One instant's rows in one partition: by period, a snapshot would hold a
                // writer open in every period not yet final (60 days of them by default) in
                // every provisional table and subtask at once.
                r -> ParquetTables.utcDate((Long) r.get("as_of")),
                ParquetRecords.generic(),
                compaction,
                closeQuietParts);
    }

    /** A provisional row as one flat row of its companion table's {@code schema}. */
    public static MapFunction<ProvisionalRow, GenericRecord> flat(Schema schema) {
        return new Flatten(schema.toString());
    }

    /** The final table's schema with {@code status} and {@code as_of} appended. */
    public static Schema schema(Class<? extends SpecificRecordBase> rowType) {
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

    private static final class Flatten implements MapFunction<ProvisionalRow, GenericRecord> {

        private final String schema;
        private transient Schema flat;

        Flatten(String schema) {
            this.schema = schema;
        }

        @Override
        public GenericRecord map(ProvisionalRow provisional) {
            if (flat == null) {
                flat = new Schema.Parser().parse(schema);
            }
            SpecificRecordBase row = (SpecificRecordBase) provisional.getRow();
            int columns = flat.getFields().size() - 2;
            GenericData.Record record = new GenericData.Record(flat);
            for (int i = 0; i < columns; i++) {
                record.put(i, row.get(i));
            }
            record.put(columns, STATUS);
            record.put(columns + 1, provisional.getAsOf());
            return record;
        }
    }
}
