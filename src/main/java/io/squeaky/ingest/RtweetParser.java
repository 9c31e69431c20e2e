package io.squeaky.ingest;

import io.squeaky.records.Post;
import io.squeaky.records.SourceRecord;
import io.squeaky.text.Mentions;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads CSV exports of R's rtweet data frames, columns found by their header names: {@code
 * status_id}, {@code created_at}, {@code screen_name}, {@code user_id} and {@code text} are needed;
 * {@code reply_to_status_id}, {@code is_retweet}, {@code retweet_status_id}, {@code
 * quoted_status_id}, {@code followers_count} and {@code lang} are used when present. R writes a
 * missing value as {@code NA}. Researchers' archives often keep only a few columns: without {@code
 * reply_to_status_id} a brand reply is recognisable only by the {@code @handle} its text begins
 * with, which the post carries as {@code addressed_handle} for the mention rule to link.
 */
public final class RtweetParser implements RecordParser {

    public static final String FORMAT = "rtweet";
    private static final List<String> REQUIRED =
            List.of("status_id", "created_at", "screen_name", "user_id", "text");

    private final PostFactory factory;
    private CsvHeader columns;

    public RtweetParser(PostFactory factory) {
        this.factory = factory;
    }

    @Override
    public void parse(RawRecord record, Consumer<SourceRecord> out) {
        List<String> fields = CsvFields.split(record.text());
        if (fields == null) {
            out.accept(factory.reject(record, FORMAT, "unterminated quoted field"));
            return;
        }
        if (fields.stream().map(String::strip).anyMatch("status_id"::equals)) {
            columns = CsvHeader.of(fields);
            return;
        }
        if (columns == null || !columns.hasAll(REQUIRED)) {
            out.accept(
                    factory.reject(
                            record,
                            FORMAT,
                            "no header naming status_id, created_at, screen_name, user_id and"
                                    + " text before the first row"));
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
        String handle = value(fields, "screen_name");
        String userId = value(fields, "user_id");
        try {
            read(fields, handle, userId, out);
        } catch (IllegalArgumentException e) {
            out.accept(factory.reject(record, FORMAT, e.getMessage(), handle, userId));
        }
    }

    private void read(
            List<String> fields, String handle, String userId, Consumer<SourceRecord> out) {
        String id = TwcsParser.integerId(nullToEmpty(value(fields, "status_id")));
        if (id == null) {
            throw new IllegalArgumentException(
                    "status_id is not an integer: '" + value(fields, "status_id") + "'");
        }
        if (handle == null && userId == null) {
            throw new IllegalArgumentException("neither screen_name nor user_id");
        }
        String createdAt = value(fields, "created_at");
        if (createdAt == null) {
            throw new IllegalArgumentException("created_at is empty");
        }
        boolean retweet = "true".equalsIgnoreCase(value(fields, "is_retweet"));
        String text = nullToEmpty(value(fields, "text"));
        String brand = handle == null ? null : factory.registeredBrand(handle);
        boolean replyIdsKept = columns.has("reply_to_status_id");
        String leading = Mentions.leading(text);
        Post.Builder post =
                PostFactory.newPost(FORMAT)
                        .setPostId(id)
                        .setParentPostId(value(fields, "reply_to_status_id"))
                        .setRetweetOf(retweet ? value(fields, "retweet_status_id") : null)
                        .setQuoteOf(value(fields, "quoted_status_id"))
                        .setAuthorId(userId != null ? userId : handle)
                        .setAuthorHandle(handle)
                        .setCreatedAt(timestamp(createdAt))
                        .setLanguage(value(fields, "lang"))
                        .setAuthorFollowers(count(value(fields, "followers_count")))
                        .setText(text)
                        .setAddressedHandle(
                                brand != null && !replyIdsKept && leading != null
                                        ? leading.toLowerCase(Locale.ROOT)
                                        : null);
        out.accept(factory.accept(post, brand));
    }

    /** rtweet writes ISO-8601 ({@code 2021-12-30T23:41:04Z}) or R's {@code 2021-12-30 23:41:04}. */
    private static long timestamp(String text) {
        String t = text.strip();
        if (t.length() == 19 && t.charAt(10) == ' ') {
            t = t.replace(' ', 'T') + "Z";
        }
        return TwitterTime.parseIso(t);
    }

    private static Long count(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("followers_count is not a whole number", e);
        }
    }

    /** The named field, stripped; null when the column is absent, empty or {@code NA}. */
    private String value(List<String> fields, String name) {
        String raw = columns.field(fields, name);
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        return v.isEmpty() || v.equals("NA") ? null : v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
