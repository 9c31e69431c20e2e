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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reply figures computed straight from a TWCS CSV with nothing from the pipeline: its own CSV
 * reading, java.time parsing, and the textbook definition (a customer post, the earliest brand post
 * whose in_response_to_tweet_id names it, posted no earlier than it and within the reply window).
 */
public final class IndependentTwcsReading {

    private IndependentTwcsReading() {}

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    public record Figures(int repliedCustomerPosts, double medianMinutes) {}

    /**
     * One row of the file; {@code parent} is its in_response_to_tweet_id as an integer, or null.
     */
    record Tweet(
            String id,
            String author,
            boolean inbound,
            long epochSeconds,
            String parent,
            String text) {}

    /** Every tweet of the file by id, in file order. */
    static Map<String, Tweet> tweets(Path csv) throws IOException {
        List<List<String>> records =
                PlainCsv.records(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        int id = header.indexOf("tweet_id");
        Map<String, Tweet> rows = new LinkedHashMap<>();
        for (List<String> r : records.subList(1, records.size())) {
            String parent =
                    r.get(id + 6).isEmpty()
                            ? null
                            : String.valueOf((long) Double.parseDouble(r.get(id + 6)));
            rows.put(
                    r.get(id),
                    new Tweet(
                            r.get(id),
                            r.get(id + 1),
                            Boolean.parseBoolean(r.get(id + 2).toLowerCase(Locale.ROOT)),
                            ZonedDateTime.parse(r.get(id + 3), CREATED_AT).toEpochSecond(),
                            parent,
                            r.get(id + 4)));
        }
        return rows;
    }

    /** Each brand reply's customer parent, when the reply came within the window after it. */
    static Map<String, String> customerParents(Map<String, Tweet> rows, Duration replyWindow) {
        Map<String, String> parents = new LinkedHashMap<>();
        for (Tweet reply : rows.values()) {
            Tweet parent = reply.parent() == null ? null : rows.get(reply.parent());
            long delay = parent == null ? -1 : reply.epochSeconds() - parent.epochSeconds();
            if (!reply.inbound()
                    && parent != null
                    && parent.inbound()
                    && delay >= 0
                    && delay <= replyWindow.toSeconds()) {
                parents.put(reply.id(), parent.id());
            }
        }
        return parents;
    }

    public static Figures of(Path csv, Duration replyWindow) throws IOException {
        Map<String, Tweet> rows = tweets(csv);
        Map<String, Long> firstReply = new HashMap<>();
        customerParents(rows, replyWindow)
                .forEach(
                        (reply, parent) ->
                                firstReply.merge(
                                        parent,
                                        rows.get(reply).epochSeconds()
                                                - rows.get(parent).epochSeconds(),
                                        Math::min));
        List<Long> delays = new ArrayList<>(firstReply.values());
        delays.sort(null);
        int n = delays.size();
        double medianSeconds =
                n % 2 == 1 ? delays.get(n / 2) : (delays.get(n / 2 - 1) + delays.get(n / 2)) / 2.0;
        return new Figures(n, medianSeconds / 60.0);
    }
}
