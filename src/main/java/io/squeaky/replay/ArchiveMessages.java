package io.squeaky.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.squeaky.ingest.BrandRegistry;
import io.squeaky.ingest.InputFormat;
import io.squeaky.ingest.PostFactory;
import io.squeaky.ingest.RawRecord;
import io.squeaky.ingest.RecordParser;
import io.squeaky.ingest.RecordSplitter;
import io.squeaky.ingest.TwitterTime;
import io.squeaky.records.CaseEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Archived files as the live feeds would deliver them: Twitter API v2 pages split into one
 * filtered-stream message per tweet (with its author in {@code includes.users}), and service-desk
 * CSV rows as JSON events. Read lazily, in file order; unreadable lines are counted and skipped
 * (the replay is a feed, the job's rejects are for its own input).
 */
final class ArchiveMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveMessages() {}

    static Iterator<ReplayMessage> posts(Path file, String topic, long[] skipped)
            throws IOException {
        BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        ArrayDeque<ReplayMessage> pending = new ArrayDeque<>();
        return new Lazy(
                () -> {
                    while (pending.isEmpty()) {
                        String line = lines.readLine();
                        if (line == null) {
                            lines.close();
                            return null;
                        }
                        if (!line.isBlank()) {
                            split(line, topic, pending, skipped);
                        }
                    }
                    return pending.poll();
                });
    }

    private static void split(
            String line, String topic, ArrayDeque<ReplayMessage> out, long[] skipped) {
        JsonNode page;
        try {
            page = JSON.readTree(line);
        } catch (IOException e) {
            skipped[0]++;
            return;
        }
        JsonNode data = page.path("data");
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode user : page.path("includes").path("users")) {
            users.put(user.path("id").asText(), user);
        }
        for (JsonNode tweet : data.isArray() ? data : JSON.createArrayNode().add(data)) {
            try {
                long at = TwitterTime.parseIso(tweet.path("created_at").asText());
                ObjectNode message = JSON.createObjectNode();
                message.set("data", tweet);
                ArrayNode authors = message.putObject("includes").putArray("users");
                JsonNode author = users.get(tweet.path("author_id").asText());
                if (author != null) {
                    authors.add(author);
                }
                message.putArray("matching_rules");
                out.add(
                        new ReplayMessage(
                                at, topic, tweet.path("author_id").asText(), message.toString()));
            } catch (IllegalArgumentException e) {
                skipped[0]++;
            }
        }
    }

    static Iterator<ReplayMessage> events(Path file, String topic, long[] skipped)
            throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        RecordSplitter splitter = InputFormat.SERVICE_DESK_CSV.splitter(reader);
        RecordParser parser =
                InputFormat.SERVICE_DESK_CSV.parser(
                        new PostFactory(BrandRegistry.empty(), Clock.systemUTC()));
        ArrayDeque<ReplayMessage> pending = new ArrayDeque<>();
        return new Lazy(
                () -> {
                    while (pending.isEmpty()) {
                        String text = splitter.next();
                        if (text == null) {
                            reader.close();
                            return null;
                        }
                        parser.parse(
                                new RawRecord(file.toString(), splitter.recordLine(), text),
                                record -> {
                                    if (record.getCaseEvent() != null) {
                                        pending.add(event(record.getCaseEvent(), topic));
                                    } else {
                                        skipped[0]++;
                                    }
                                });
                    }
                    return pending.poll();
                });
    }

    private static ReplayMessage event(CaseEvent event, String topic) {
        ObjectNode json = JSON.createObjectNode();
        json.put("ticket_id", event.getTicketId());
        json.put("brand", event.getBrand());
        json.put("customer_id", event.getCustomerId());
        if (event.getSocialHandle() != null) {
            json.put("social_handle", event.getSocialHandle());
        }
        json.put("channel", event.getChannel().name().toLowerCase(Locale.ROOT));
        json.put("event_type", event.getEventType().name());
        if (event.getStatus() != null) {
            json.put("status", event.getStatus().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        json.put("occurred_at", Instant.ofEpochMilli(event.getOccurredAt()).toString());
        ArrayNode ids = json.putArray("post_ids");
        event.getPostIds().forEach(ids::add);
        return new ReplayMessage(
                event.getOccurredAt(), topic, event.getCustomerId(), json.toString());
    }

    /** An iterator over a source that says null at its end. */
    private static final class Lazy implements Iterator<ReplayMessage> {

        interface Source {
            ReplayMessage next() throws IOException;
        }

        private final Source source;
        private ReplayMessage next;
        private boolean done;

        Lazy(Source source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = source.next();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                done = next == null;
            }
            return next != null;
        }

        @Override
        public ReplayMessage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReplayMessage result = next;
            next = null;
            return result;
        }
    }
}
