package io.squeaky.ingest;

import static io.squeaky.ingest.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squeaky.records.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads service-desk ticket events, one JSON object a line (see service-desk-input.md). */
public final class ServiceDeskJsonParser implements RecordParser {

    public static final String FORMAT = "service-desk-jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostFactory factory;

    public ServiceDeskJsonParser(PostFactory factory) {
        this.factory = factory;
    }

    @Override
    public void parse(RawRecord record, Consumer<SourceRecord> out) {
        if (record.text().isBlank()) {
            return;
        }
        JsonNode event;
        try {
            event = JSON.readTree(record.text());
        } catch (JsonProcessingException e) {
            out.accept(factory.reject(record, FORMAT, "malformed JSON: " + e.getOriginalMessage()));
            return;
        }
        if (event == null || !event.isObject()) {
            out.accept(factory.reject(record, FORMAT, "not a JSON object"));
            return;
        }
        List<String> postIds = new ArrayList<>();
        for (JsonNode id : event.path("post_ids")) {
            postIds.add(id.asText());
        }
        try {
            out.accept(
                    SourceRecord.newBuilder()
                            .setCaseEvent(
                                    ServiceDeskFields.event(
                                            text(event, "ticket_id"),
                                            text(event, "brand"),
                                            text(event, "customer_id"),
                                            text(event, "social_handle"),
                                            text(event, "channel"),
                                            text(event, "event_type"),
                                            text(event, "status"),
                                            text(event, "occurred_at"),
                                            postIds,
                                            FORMAT,
                                            record.position()))
                            .build());
        } catch (IllegalArgumentException e) {
            out.accept(factory.reject(record, FORMAT, e.getMessage()));
        }
    }
}
