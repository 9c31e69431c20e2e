package io.squeaky.ingest;

import io.squeaky.records.SourceRecord;
import java.util.Arrays;
import java.util.List;
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
    private CsvHeader columns;

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
            columns = CsvHeader.of(fields);
            return;
        }
        if (columns == null) {
            out.accept(factory.reject(record, FORMAT, "no header line before the first event"));
            return;
        }
        if (fields.size() != columns.width()) {
            out.accept(
                    factory.reject(
                            record,
                            FORMAT,
                            "expected " + columns.width() + " fields, found " + fields.size()));
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
        String value = columns.field(fields, name);
        return value == null ? "" : value;
    }
}
