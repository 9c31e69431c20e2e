package io.squeaky.jobs;

import java.util.ArrayList;
import java.util.List;

/** A CSV reader of the tests' own, so that independent readings share nothing with the job. */
final class PlainCsv {

    private PlainCsv() {}

    /** RFC 4180 records; a CR is a line break only before LF. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n'
                    || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                if (c == '\r') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** A field quoted for writing, whatever it holds. */
    static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
