package io.squeaky.ingest;

import io.squeaky.records.Post;
import io.squeaky.records.SourceRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads the Kaggle "Customer Support on Twitter" CSV: {@code
 * tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id}, with or
 * without the unnamed leading index column that pandas re-saves add. Ids written as floats ({@code
 * 3.0}) are read as integers. Replies are linked only through their own {@code
 * in_response_to_tweet_id}: {@code response_tweet_id} lists are known to be corrupted by
 * spreadsheet re-saves and are ignored. Columns are found by their header names when there is a
 * header, else taken in the standard order. An {@code inbound=False} author is a brand account even
 * when the brand list does not name it; it then stands for a brand of its own name.
 */
public final class TwcsParser implements RecordParser {

    public static final String FORMAT = "twcs";
    private static final int MAX_ID_DIGITS = 20;
    private static final List<String> COLUMN_NAMES =
            List.of(
                    "tweet_id",
                    "author_id",
                    "inbound",
                    "created_at",
                    "text",
                    "response_tweet_id",
                    "in_response_to_tweet_id");
    private static final int COLUMNS = COLUMN_NAMES.size();
    private static final int TWEET_ID = 0;
    private static final int AUTHOR_ID = 1;
    private static final int INBOUND = 2;
    private static final int CREATED_AT = 3;
    private static final int TEXT = 4;
    private static final int UNUSED_RESPONSE_IDS = 5;
    private static final int PARENT_ID = 6;

    private final PostFactory factory;

    /** Index of each named column in a row, from the header; null until a header is read. */
    private int[] columns;

    private int width;

    public TwcsParser(PostFactory factory) {
        this.factory = factory;
    }

    @Override
    public void parse(RawRecord record, Consumer<SourceRecord> out) {
        List<String> fields = CsvFields.split(record.text());
        if (fields == null) {
            out.accept(factory.reject(record, FORMAT, "unterminated quoted field"));
            return;
        }
        if (isHeader(fields)) {
            readHeader(fields);
            return;
        }
        int[] at = columns != null ? columns : positional(Math.max(0, fields.size() - COLUMNS));
        int expected = columns != null ? width : at[TWEET_ID] + COLUMNS;
        if (fields.size() != expected) {
            out.accept(
                    factory.reject(
                            record,
                            FORMAT,
                            "expected " + expected + " fields, found " + fields.size()));
            return;
        }
        String problem = null;
        try {
            problem = read(fields, at, out);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            String author = fields.get(at[AUTHOR_ID]).strip();
            out.accept(
                    factory.reject(
                            record, FORMAT, problem, null, author.isEmpty() ? null : author));
        }
    }

    private String read(List<String> fields, int[] at, Consumer<SourceRecord> out) {
        String tweetText = fields.get(at[TWEET_ID]);
        String tweetId = integerId(tweetText);
        if (tweetId == null) {
            return "tweet_id is not an integer: '" + tweetText + "'";
        }
        String author = fields.get(at[AUTHOR_ID]).strip();
        if (author.isEmpty()) {
            return "author_id is empty";
        }
        Boolean inbound = bool(fields.get(at[INBOUND]));
        if (inbound == null) {
            return "inbound is neither True nor False: '" + fields.get(at[INBOUND]) + "'";
        }
        long createdAt = TwitterTime.parseClassic(fields.get(at[CREATED_AT]));
        String parentText = fields.get(at[PARENT_ID]).strip();
        String parent = parentText.isEmpty() ? null : integerId(parentText);
        if (!parentText.isEmpty() && parent == null) {
            return "in_response_to_tweet_id is not an integer: '" + parentText + "'";
        }
        Post.Builder post =
                PostFactory.newPost(FORMAT)
                        .setPostId(tweetId)
                        .setParentPostId(parent)
                        .setAuthorId(author)
                        .setAuthorHandle(inbound ? null : author)
                        .setCreatedAt(createdAt)
                        .setText(fields.get(at[TEXT]));
        String brand = null;
        if (!inbound) {
            String registered = factory.registeredBrand(author);
            brand = registered != null ? registered : author;
        }
        out.accept(factory.accept(post, brand));
        return null;
    }

    /** A header names at least tweet_id and author_id; the pandas index column has no name. */
    private static boolean isHeader(List<String> fields) {
        return fields.stream().map(String::strip).anyMatch("tweet_id"::equals)
                && fields.stream().map(String::strip).anyMatch("author_id"::equals);
    }

    /**
     * Columns by name. A header without a column the parser needs falls back to the standard order
     * after the header's leading unnamed columns, so every row then gets a clear reject.
     */
    private void readHeader(List<String> fields) {
        width = fields.size();
        columns = new int[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            columns[c] = -1;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).strip().equalsIgnoreCase(COLUMN_NAMES.get(c))) {
                    columns[c] = i;
                }
            }
        }
        for (int c = 0; c < COLUMNS; c++) {
            if (columns[c] < 0 && c != UNUSED_RESPONSE_IDS) {
                columns = positional(Math.max(0, width - COLUMNS));
                return;
            }
        }
    }

    /** The standard column order after {@code skip} leading columns. */
    private static int[] positional(int skip) {
        int[] at = new int[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            at[c] = skip + c;
        }
        return at;
    }

    private static Boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The id as an integer string, accepting float spellings such as {@code 3.0}; else null. */
    static String integerId(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (asciiDigits(t, 0, t.length())) {
            return t;
        }
        // TWCS writes every parent id as a float such as 12.0: answer those without BigDecimal,
        // unless a leading zero would need stripping.
        int point = t.length() - 2;
        if (t.endsWith(".0") && asciiDigits(t, 0, point) && (t.charAt(0) != '0' || point == 1)) {
            return t.substring(0, point);
        }
        try {
            BigDecimal value = new BigDecimal(t);
            // An exponent such as 1e10000000 would expand to millions of digits (a fuzzed input
            // hung on it); no id has more digits than an unsigned 64-bit integer.
            long integerDigits = (long) value.precision() - value.scale();
            return value.signum() < 0 || integerDigits > MAX_ID_DIGITS
                    ? null
                    : value.toBigIntegerExact().toString();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** Whether {@code text[from, to)} is one or more ASCII digits. */
    private static boolean asciiDigits(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
