package io.squeaky.ingest;

import io.squeaky.records.SourceRecord;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads service-desk ticket events from CSV with a header line naming the columns (any order; see
 * service-desk-input.md). Referenced post ids are separated by semicolons.
 */
public final class ServiceDeskCsvParser implements RecordParser {

    public static final String FORMAT = "service-desk-csv";
    static final List<String> COLUMNS =
            List.of(
                    "ticket_id",
                    "brand",
                    "customer_id",
                    "social_handle",
                    "channel",
                    "event_type",
                    "status",
                    "occurred_at",
                    "post_ids");

    private final PostFactory factory;
    private Map<String, Integer> columns;
    // Fields in the header line: a repeated column name makes it more than the names (a fuzzed
    // header did, and a row as short as the names then read past its end).
    private int width;

    public ServiceDeskCsvParser(PostFactory factory) {
        this.factory = factory;
    }

    @Override
    public void parse(RawRecord record, Consumer<SourceRecord> out) {
        if (record.text().isBlank()) {
            return;
        }
        List<String> fields = CsvFields.split(record.text());
        if (fields == null) {
            out.accept(factory.reject(record, FORMAT, "unterminated quoted field"));
            return;
        }
        if (fields.contains("ticket_id")) {
            columns = header(fields);
            width = fields.size();
            return;
        }
        if (columns == null) {
            out.accept(factory.reject(record, FORMAT, "no header line before the first event"));
            return;
        }
        if (fields.size() != width) {
            out.accept(
                    factory.reject(
                            record,
                            FORMAT,
                            "expected " + width + " fields, found " + fields.size()));
            return;
        }
        try {
            out.accept(
                    SourceRecord.newBuilder()
                            .setCaseEvent(
                                    ServiceDeskFields.event(
                                            field(fields, "ticket_id"),
                                            field(fields, "brand"),
                                            field(fields, "customer_id"),
                                            field(fields, "social_handle"),
                                            field(fields, "channel"),
                                            field(fields, "event_type"),
                                            field(fields, "status"),
                                            field(fields, "occurred_at"),
                                            Arrays.asList(field(fields, "post_ids").split(";")),
                                            FORMAT,
                                            record.position()))
                            .build());
        } catch (IllegalArgumentException e) {
            out.accept(factory.reject(record, FORMAT, e.getMessage()));
        }
    }

    private String field(List<String> fields, String name) {
        Integer index = columns.get(name);
        return index == null ? "" : fields.get(index);
    }

    private static Map<String, Integer> header(List<String> fields) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return index;
    }
}
