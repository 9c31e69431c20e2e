package io.squeaky.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squeaky.clock.ScheduleBook;
import io.squeaky.ingest.BrandRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a generator run back from its files alone, the way a pipeline would: rows that cannot be
 * read are counted, exact repeats dropped, tweets joined to tickets by the rules of
 * service-desk-input.md.
 */
final class GeneratedData {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long LINK_WINDOW_SECONDS = 24 * 3600;

    final Path root;
    final JsonNode parameters;
    final List<JsonNode> truth = new ArrayList<>();

    /** Desk rows that read as events, repeats included, in file order. */
    final List<DeskEvent> rows = new ArrayList<>();

    final List<String> rowTexts = new ArrayList<>();
    int malformedRows;

    /** Tweets in file order, repeats included. */
    final List<JsonNode> tweetsInPages = new ArrayList<>();

    final List<JsonNode> pages = new ArrayList<>();
    final Map<String, String> usernames = new HashMap<>();
    int brokenPageLines;

    GeneratedData(Path root) throws IOException {
        this.root = root;
        this.parameters = JSON.readTree(root.resolve(OutputFiles.PARAMETERS).toFile());
        for (String line : lines(OutputFiles.CASES)) {
            truth.add(JSON.readTree(line));
        }
        List<String> desk = lines(OutputFiles.EVENTS);
        if (!desk.get(0).equals(DeskEvent.CSV_HEADER)) {
            throw new IllegalStateException("no header: " + desk.get(0));
        }
        for (String line : desk.subList(1, desk.size())) {
            DeskEvent event = parseRow(line);
            if (event == null) {
                malformedRows++;
            } else {
                rows.add(event);
                rowTexts.add(line);
            }
        }
        for (String line : lines(OutputFiles.POSTS)) {
            JsonNode page;
            try {
                page = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                brokenPageLines++;
                continue;
            }
            pages.add(page);
            page.path("data").forEach(tweetsInPages::add);
            for (JsonNode user : page.path("includes").path("users")) {
                usernames.put(user.path("id").asText(), user.path("username").asText());
            }
        }
    }

    List<String> lines(String file) throws IOException {
        return Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
    }

    long observationEnd() {
        return parameters.path("censoring").asBoolean()
                ? Instant.parse(parameters.path("data_end").asText()).getEpochSecond()
                : Long.MAX_VALUE;
    }

    /** Each ticket's distinct events in time order (file order within a second). */
    Map<String, List<DeskEvent>> eventsByTicket() {
        Map<String, List<DeskEvent>> tickets = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (seen.add(rowTexts.get(i))) {
                DeskEvent event = rows.get(i);
                tickets.computeIfAbsent(event.ticketId(), t -> new ArrayList<>()).add(event);
            }
        }
        tickets.values().forEach(list -> list.sort((a, b) -> Long.compare(a.time(), b.time())));
        return tickets;
    }

    /** Each ticket's linked tweets, customer posts and brand replies, distinct, in time order. */
    Map<String, List<GeneratedTweet>> tweetsByTicket(Map<String, List<DeskEvent>> tickets)
            throws IOException {
        Set<String> supportAccounts = supportAccountIds();
        Map<String, String> ticketOfListedPost = new HashMap<>();
        Map<String, String> ticketOfHandle = new HashMap<>();
        Map<String, long[]> lifetime = new HashMap<>();
        tickets.forEach(
                (ticket, events) -> {
                    long closed = Long.MAX_VALUE;
                    for (DeskEvent event : events) {
                        if (event.postIds() != null) {
                            for (String id : event.postIds().split(";")) {
                                ticketOfListedPost.put(id, ticket);
                            }
                        }
                        if (event.socialHandle() != null) {
                            ticketOfHandle.put(event.socialHandle(), ticket);
                        }
                        if (event.type() == DeskEventType.CLOSED) {
                            closed = event.time();
                        }
                    }
                    lifetime.put(ticket, new long[] {events.get(0).time(), closed});
                });
        List<JsonNode> distinct = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode tweet : tweetsInPages) {
            if (ids.add(tweet.path("id").asText())) {
                distinct.add(tweet);
            }
        }
        distinct.sort((a, b) -> Long.compare(time(a), time(b)));
        Map<String, String> ticketOfTweet = new HashMap<>();
        Map<String, List<GeneratedTweet>> linked = new HashMap<>();
        for (JsonNode tweet : distinct) {
            String id = tweet.path("id").asText();
            boolean byBrand = supportAccounts.contains(tweet.path("author_id").asText());
            String ticket;
            if (byBrand) {
                ticket = ticketOfTweet.get(repliedTo(tweet));
            } else {
                ticket = ticketOfListedPost.get(id);
                String byHandle = ticketOfHandle.get(username(tweet));
                if (ticket == null && byHandle != null) {
                    long[] life = lifetime.get(byHandle);
                    if (time(tweet) >= life[0] - LINK_WINDOW_SECONDS && time(tweet) <= life[1]) {
                        ticket = byHandle;
                    }
                }
            }
            if (ticket == null) {
                throw new IllegalStateException("tweet joins no ticket: " + tweet);
            }
            ticketOfTweet.put(id, ticket);
            linked.computeIfAbsent(ticket, t -> new ArrayList<>()).add(asTweet(tweet, byBrand));
        }
        return linked;
    }

    /** The clocks of every ticket measured on what the files hold. */
    Map<String, CaseClocks> clocksFromFiles() throws IOException {
        Map<String, List<DeskEvent>> tickets = eventsByTicket();
        Map<String, List<GeneratedTweet>> tweets = tweetsByTicket(tickets);
        Map<String, BusinessClock> clocks = businessClocks();
        Map<String, CaseClocks> measured = new LinkedHashMap<>();
        tickets.forEach(
                (ticket, events) ->
                        measured.put(
                                ticket,
                                TruthClocks.measure(
                                        events,
                                        tweets.getOrDefault(ticket, List.of()),
                                        clocks.get(events.get(0).brand()),
                                        observationEnd())));
        return measured;
    }

    /** The brands' desks as the pipeline would load them from the truth folder. */
    Map<String, BusinessClock> businessClocks() throws IOException {
        BrandRegistry brands = BrandRegistry.load(root.resolve("truth/brands.csv"));
        ScheduleBook book =
                ScheduleBook.load(root.resolve("truth/schedules.json"), brands.brandZones());
        long origin = Instant.parse(parameters.path("start").asText()).getEpochSecond();
        Map<String, BusinessClock> clocks = new HashMap<>();
        for (String brand : brands.brandZones().keySet()) {
            clocks.put(brand, new BusinessClock(book.of(brand), origin));
        }
        return clocks;
    }

    private Set<String> supportAccountIds() {
        Set<String> ids = new HashSet<>();
        parameters.path("brands").forEach(b -> ids.add(b.path("support_account_id").asText()));
        return ids;
    }

    private String username(JsonNode tweet) {
        return usernames.get(tweet.path("author_id").asText());
    }

    static long time(JsonNode tweet) {
        return Instant.parse(tweet.path("created_at").asText()).getEpochSecond();
    }

    static String repliedTo(JsonNode tweet) {
        for (JsonNode reference : tweet.path("referenced_tweets")) {
            if (reference.path("type").asText().equals("replied_to")) {
                return reference.path("id").asText();
            }
        }
        return null;
    }

    private static GeneratedTweet asTweet(JsonNode tweet, boolean byBrand) {
        TwitterAccount author = new TwitterAccount(tweet.path("author_id").asText(), "", "", 0);
        return new GeneratedTweet(
                tweet.path("id").asLong(),
                time(tweet),
                author,
                byBrand,
                tweet.path("text").asText(),
                tweet.path("conversation_id").asLong(),
                0,
                null,
                "",
                new GeneratedTweet.PublicMetrics(0, 0, 0, 0));
    }

    /** The event a CSV row describes, or null when the row cannot be read. */
    static DeskEvent parseRow(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 9 || f[0].isEmpty() || f[1].isEmpty() || f[2].isEmpty()) {
            return null;
        }
        DeskChannel channel = null;
        for (DeskChannel c : DeskChannel.values()) {
            if (c.exportName().equals(f[4])) {
                channel = c;
            }
        }
        DeskEventType type = null;
        for (DeskEventType t : EnumSet.allOf(DeskEventType.class)) {
            if (t.name().equals(f[5])) {
                type = t;
            }
        }
        if (channel == null || type == null) {
            return null;
        }
        long time;
        try {
            time = Instant.parse(f[7]).getEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
        return new DeskEvent(
                f[0],
                f[1],
                f[2],
                f[3].isEmpty() ? null : f[3],
                channel,
                type,
                f[6].isEmpty() ? null : f[6],
                time,
                f[8].isEmpty() ? null : f[8]);
    }
}
