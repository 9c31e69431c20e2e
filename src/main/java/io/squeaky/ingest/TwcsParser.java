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
 * spreadsheet re-saves and are ignored. An {@code inbound=False} author is a brand account even
 * when the brand list does not name it; it then stands for a brand of its own name.
 */
public final class TwcsParser implements RecordParser {

    public static final String FORMAT = "twcs";
    private static final int COLUMNS = 7;
    private static final int MAX_ID_DIGITS = 20;

    private final PostFactory factory;
    private int leadingColumns = -1;

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
            leadingColumns = fields.size() - COLUMNS;
            return;
        }
        int skip = leadingColumns >= 0 ? leadingColumns : Math.max(0, fields.size() - COLUMNS);
        if (fields.size() != COLUMNS + skip) {
            out.accept(
                    factory.reject(
                            record,
                            FORMAT,
                            "expected " + (COLUMNS + skip) + " fields, found " + fields.size()));
            return;
        }
        String problem = null;
        try {
            problem = read(fields, skip, record, out);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            out.accept(factory.reject(record, FORMAT, problem));
        }
    }

    private String read(
            List<String> fields, int skip, RawRecord record, Consumer<SourceRecord> out) {
        String tweetId = integerId(fields.get(skip));
        if (tweetId == null) {
            return "tweet_id is not an integer: '" + fields.get(skip) + "'";
        }
        String author = fields.get(skip + 1).strip();
        if (author.isEmpty()) {
            return "author_id is empty";
        }
        Boolean inbound = bool(fields.get(skip + 2));
        if (inbound == null) {
            return "inbound is neither True nor False: '" + fields.get(skip + 2) + "'";
        }
        long createdAt = TwitterTime.parseClassic(fields.get(skip + 3));
        String parentText = fields.get(skip + 6).strip();
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
                        .setText(fields.get(skip + 4));
        String brand = null;
        if (!inbound) {
            String registered = factory.registeredBrand(author);
            brand = registered != null ? registered : author;
        }
        out.accept(factory.accept(post, brand));
        return null;
    }

    private static boolean isHeader(List<String> fields) {
        return fields.size() >= COLUMNS
                && fields.get(fields.size() - COLUMNS).strip().equals("tweet_id");
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
