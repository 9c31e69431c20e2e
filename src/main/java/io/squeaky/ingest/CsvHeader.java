package io.squeaky.ingest;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV header line read by column name (lower case, stripped), for exports whose columns come in
 * any order. A row must have as many fields as the header line: a repeated column name makes the
 * line wider than its names, and a row as short as the names would read past its end (a fuzzed
 * header did).
 */
final class CsvHeader implements Serializable {

    private final Map<String, Integer> index = new HashMap<>();
    private final int width;

    private CsvHeader(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        this.width = fields.size();
    }

    static CsvHeader of(List<String> fields) {
        return new CsvHeader(fields);
    }

    int width() {
        return width;
    }

    boolean has(String name) {
        return index.containsKey(name);
    }

    boolean hasAll(Collection<String> names) {
        return index.keySet().containsAll(names);
    }

    /** The field of the named column in a row as wide as the header, or null without it. */
    String field(List<String> row, String name) {
        Integer at = index.get(name);
        return at == null ? null : row.get(at);
    }
}
