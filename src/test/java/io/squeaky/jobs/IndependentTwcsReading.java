package io.squeaky.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reply figures computed straight from a TWCS CSV with nothing from the pipeline: its own CSV
 * reading, java.time parsing, and the textbook definition (a customer post, the earliest brand post
 * whose in_response_to_tweet_id names it, posted no earlier than it and within the reply window).
 */
final class IndependentTwcsReading {

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    record Figures(int repliedCustomerPosts, double medianMinutes) {}

    private record Row(String id, boolean inbound, long epochSeconds, String parent) {}

    static Figures of(Path csv, Duration replyWindow) throws IOException {
        List<List<String>> records = records(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        int id = header.indexOf("tweet_id");
        Map<String, Row> rows = new HashMap<>();
        for (List<String> r : records.subList(1, records.size())) {
            String parent =
                    r.get(id + 6).isEmpty()
                            ? null
                            : String.valueOf((long) Double.parseDouble(r.get(id + 6)));
            rows.put(
                    r.get(id),
                    new Row(
                            r.get(id),
                            Boolean.parseBoolean(r.get(id + 2).toLowerCase(Locale.ROOT)),
                            ZonedDateTime.parse(r.get(id + 3), CREATED_AT).toEpochSecond(),
                            parent));
        }
        Map<String, Long> firstReply = new HashMap<>();
        for (Row reply : rows.values()) {
            Row parent = reply.parent() == null ? null : rows.get(reply.parent());
            long delay = parent == null ? -1 : reply.epochSeconds() - parent.epochSeconds();
            if (!reply.inbound()
                    && parent != null
                    && parent.inbound()
                    && delay >= 0
                    && delay <= replyWindow.toSeconds()) {
                firstReply.merge(parent.id(), delay, Math::min);
            }
        }
        List<Long> delays = new ArrayList<>(firstReply.values());
        delays.sort(null);
        int n = delays.size();
        double medianSeconds =
                n % 2 == 1 ? delays.get(n / 2) : (delays.get(n / 2 - 1) + delays.get(n / 2)) / 2.0;
        return new Figures(n, medianSeconds / 60.0);
    }

    /** RFC 4180 records; a CR is a line break only before LF. */
    private static List<List<String>> records(String text) {
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
}
