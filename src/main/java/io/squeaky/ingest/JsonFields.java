package io.squeaky.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-safe reads of optional JSON fields. */
final class JsonFields {

    private JsonFields() {}

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    static Long count(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.canConvertToLong() && value.isIntegralNumber()
                ? value.asLong()
                : null;
    }

    /** The first non-blank of the given text fields. */
    static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
