package io.squeaky.ingest;

import java.util.List;

/**
 * Rows with no content: the bare separators ({@code ,,,,,,}) that spreadsheet re-saves append by
 * the hundred thousand, and empty lines. They are counted, not rejected one by one.
 */
public final class BlankRows {

    private BlankRows() {}

    /** Whether a record of the given format holds nothing but separators, quotes and spaces. */
    public static boolean isBlank(String text, boolean csv) {
        if (!csv) {
            return text.isBlank();
        }
        // Most rows fail this on their first character, so the split below runs only for rows
        // made of separators, quotes and spaces.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ',' && c != '"' && !Character.isWhitespace(c)) {
                return false;
            }
        }
        List<String> fields = CsvFields.split(text);
        return fields != null && fields.stream().allMatch(String::isBlank);
    }
}
