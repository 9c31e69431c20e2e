package io.squeaky.text;

import io.squeaky.SharedData;
import io.squeaky.ingest.BrandRegistry;
import io.squeaky.ingest.CsvRecordSplitter;
import io.squeaky.ingest.InputFormat;
import io.squeaky.ingest.PostFactory;
import io.squeaky.ingest.RawRecord;
import io.squeaky.ingest.RecordParser;
import io.squeaky.ingest.RecordSplitter;
import io.squeaky.records.Post;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-labelled conversations of src/test/resources/resolution-labels, rebuilt from the raw
 * files in ../shared/data the way GUIDE.md (and sample.py beside it) defines a conversation.
 */
final class LabelledConversations {

    record Message(String id, long createdAt, boolean byCustomer, String text) {}

    record Labelled(
            String source,
            String id,
            String resolutionPostId,
            String language,
            String stratum,
            String split,
            String label,
            List<Message> messages) {

        boolean confirmed() {
            return label.startsWith("resolved_by_");
        }
    }

    private static final String CITIBANAMEX = "citibanamex/citibanamex-tweets-2021-12.csv";
    private static final String BANK = "Citibanamex";
    private static final Duration GAP = Duration.ofHours(72);
    private static final Pattern LEADING_HANDLE = Pattern.compile("^\\s*@(\\w+)");
    private static final Comparator<Message> TIME_ORDER =
            Comparator.comparingLong(Message::createdAt).thenComparing(m -> Long.parseLong(m.id()));

    private LabelledConversations() {}

    static List<Labelled> load() throws IOException {
        Map<String, Map<String, List<Message>>> bySource = new HashMap<>();
        List<Labelled> out = new ArrayList<>();
        for (List<String> row : labelRows()) {
            String source = row.get(0);
            Map<String, List<Message>> conversations =
                    bySource.computeIfAbsent(source, LabelledConversations::read);
            List<Message> messages = conversations.get(row.get(1));
            if (messages == null) {
                throw new IllegalStateException("no conversation " + row.get(1) + " in " + source);
            }
            out.add(
                    new Labelled(
                            source,
                            row.get(1),
                            row.get(2),
                            row.get(3),
                            row.get(4),
                            row.get(5),
                            row.get(6),
                            messages));
        }
        return out;
    }

    private static List<List<String>> labelRows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in =
                        LabelledConversations.class.getResourceAsStream(
                                "/resolution-labels/labels.csv");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            RecordSplitter splitter = new CsvRecordSplitter(reader);
            splitter.next();
            String line;
            while ((line = splitter.next()) != null) {
                rows.add(fields(line));
            }
        }
        return rows;
    }

    static Map<String, List<Message>> read(String source) {
        try {
            return source.equals(CITIBANAMEX) ? citibanamex() : twcs(source);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source, e);
        }
    }

    /** Every customer tweet that replies to nothing in the file, with the tweets below it. */
    private static Map<String, List<Message>> twcs(String source) throws IOException {
        Map<String, Post> posts = new HashMap<>();
        PostFactory factory = new PostFactory(BrandRegistry.bundled(), Clock.systemUTC());
        try (Reader in = Files.newBufferedReader(SharedData.file(source), StandardCharsets.UTF_8)) {
            RecordSplitter splitter = InputFormat.TWCS.splitter(in);
            RecordParser parser = InputFormat.TWCS.parser(factory);
            String text;
            while ((text = splitter.next()) != null) {
                parser.parse(
                        new RawRecord(source, splitter.recordLine(), text),
                        record -> {
                            if (record.getPost() != null) {
                                posts.put(record.getPost().getPostId(), record.getPost());
                            }
                        });
            }
        }
        Map<String, List<Post>> children = new HashMap<>();
        for (Post post : posts.values()) {
            if (post.getParentPostId() != null && posts.containsKey(post.getParentPostId())) {
                children.computeIfAbsent(post.getParentPostId(), k -> new ArrayList<>()).add(post);
            }
        }
        Map<String, List<Message>> conversations = new HashMap<>();
        for (Post root : posts.values()) {
            boolean isRoot =
                    root.getParentPostId() == null || !posts.containsKey(root.getParentPostId());
            if (!isRoot || root.getAuthorIsBrand()) {
                continue;
            }
            List<Message> thread = new ArrayList<>();
            List<Post> todo = new ArrayList<>(List.of(root));
            while (!todo.isEmpty()) {
                Post post = todo.remove(todo.size() - 1);
                thread.add(
                        new Message(
                                post.getPostId(),
                                post.getCreatedAt(),
                                !post.getAuthorIsBrand(),
                                post.getText()));
                todo.addAll(children.getOrDefault(post.getPostId(), List.of()));
            }
            thread.sort(TIME_ORDER);
            conversations.put(root.getPostId(), thread);
        }
        return conversations;
    }

    /**
     * One customer's posts and the bank's posts that begin with their @handle, cut where 72 hours
     * pass without a post, from the customer's first post on: the file has no reply ids.
     */
    private static Map<String, List<Message>> citibanamex() throws IOException {
        Map<String, List<Message>> byHandle = new HashMap<>();
        try (Reader in =
                Files.newBufferedReader(SharedData.file(CITIBANAMEX), StandardCharsets.UTF_8)) {
            RecordSplitter splitter = new CsvRecordSplitter(in);
            List<String> header = fields(splitter.next());
            int name = header.indexOf("screen_name");
            int created = header.indexOf("created_at");
            int id = header.indexOf("status_id");
            int text = header.indexOf("text");
            String line;
            while ((line = splitter.next()) != null) {
                List<String> row = fields(line);
                boolean byBank = row.get(name).equals(BANK);
                String handle = row.get(name);
                if (byBank) {
                    Matcher addressed = LEADING_HANDLE.matcher(row.get(text));
                    if (!addressed.find()) {
                        continue;
                    }
                    handle = addressed.group(1);
                }
                byHandle.computeIfAbsent(handle.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(
                                new Message(
                                        row.get(id),
                                        Instant.parse(row.get(created)).toEpochMilli(),
                                        !byBank,
                                        row.get(text)));
            }
        }
        Map<String, List<Message>> conversations = new HashMap<>();
        for (List<Message> posts : byHandle.values()) {
            posts.sort(TIME_ORDER);
            List<Message> thread = new ArrayList<>();
            for (Message post : posts) {
                if (!thread.isEmpty()
                        && post.createdAt() - thread.get(thread.size() - 1).createdAt()
                                > GAP.toMillis()) {
                    addFromFirstCustomerPost(thread, conversations);
                    thread = new ArrayList<>();
                }
                thread.add(post);
            }
            addFromFirstCustomerPost(thread, conversations);
        }
        return conversations;
    }

    private static void addFromFirstCustomerPost(
            List<Message> thread, Map<String, List<Message>> conversations) {
        for (int i = 0; i < thread.size(); i++) {
            if (thread.get(i).byCustomer()) {
                conversations.put(
                        thread.get(i).id(), List.copyOf(thread.subList(i, thread.size())));
                return;
            }
        }
    }

    /** The fields of one RFC 4180 record: the exports quote text with commas, quotes and breaks. */
    private static List<String> fields(String record) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted && c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
