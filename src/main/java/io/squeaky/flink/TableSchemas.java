package io.squeaky.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Records inside the pipeline keep times as plain epoch numbers: Flink's Avro serializer cannot
 * copy {@code java.time} values inside nested records and unions. Fields marked {@code
 * squeaky.logicalType} in the .avsc files get the real Avro logical type only in the Parquet
 * schema, so BI tools see TIMESTAMP and DATE columns while the values stay the same numbers.
 *
 * <p>Fields marked {@code "squeaky.encoding": "plain"} hold values that hardly repeat within a file
 * (instants, durations in seconds): Parquet would build a dictionary for them on every page, keep
 * its hash table up to date for every value, and then find it no smaller than the values and write
 * them plainly after all.
 */
public final class TableSchemas {

    static final String MARK = "squeaky.logicalType";
    static final String ENCODING = "squeaky.encoding";

    private TableSchemas() {}

    public static Schema withLogicalTypes(Schema record) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            Object mark = field.getObjectProp(MARK);
            Schema type =
                    mark == null
                            ? field.schema()
                            : annotate(field.schema(), logical(mark.toString()));
            Schema.Field copy = new Schema.Field(field, type);
            fields.add(copy);
        }
        Schema result =
                Schema.createRecord(
                        record.getName(), record.getDoc(), record.getNamespace(), false, fields);
        return result;
    }

    /** The fields marked to be written without a dictionary. */
    public static List<String> plainColumns(Schema record) {
        List<String> plain = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            Object mark = field.getObjectProp(ENCODING);
            if (mark == null) {
                continue;
            }
            if (!"plain".equals(mark.toString())) {
                throw new IllegalArgumentException("unknown " + ENCODING + " " + mark);
            }
            plain.add(field.name());
        }
        return plain;
    }

    private static LogicalType logical(String name) {
        return switch (name) {
            case "timestamp-millis" -> LogicalTypes.timestampMillis();
            case "date" -> LogicalTypes.date();
            default -> throw new IllegalArgumentException("unknown " + MARK + " " + name);
        };
    }

    private static Schema annotate(Schema schema, LogicalType logicalType) {
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> branches = new ArrayList<>();
            for (Schema branch : schema.getTypes()) {
                branches.add(
                        branch.getType() == Schema.Type.NULL
                                ? branch
                                : annotate(branch, logicalType));
            }
            return Schema.createUnion(branches);
        }
        return logicalType.addToSchema(Schema.create(schema.getType()));
    }
}
