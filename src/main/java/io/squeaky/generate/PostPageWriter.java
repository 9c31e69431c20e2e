package io.squeaky.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes posts/posts.jsonl as Twitter API v2 pages of up to 100 tweets, each page with the users
 * who wrote its tweets in {@code includes.users}. Its noise: tweets written late (out of order),
 * tweets repeated at the start of the next page (as overlapping collections repeat them), and pages
 * whose line is cut short after a correct copy.
 */
final class PostPageWriter implements Closeable {

    static final int PAGE_SIZE = 100;

    private final LineWriter out;
    private final StringBuilder line = new StringBuilder(1 << 16);
    private final IsoTimestamps timestamps = new IsoTimestamps();
    private final SplittableRandom noise;
    private final double duplicateRate;
    private final double malformedRate;
    private final LateArrivals<GeneratedTweet> late;
    private final List<GeneratedTweet> page = new ArrayList<>(PAGE_SIZE);
    private final List<GeneratedTweet> repeatOnNextPage = new ArrayList<>();
    private long tweets;
    private long placed;
    private long duplicates;
    private long outOfOrder;
    private long pages;
    private long brokenLines;
    private long latest = Long.MIN_VALUE;

    PostPageWriter(Path file, CrossChannelSettings settings, SplittableRandom noise)
            throws IOException {
        this.out = new LineWriter(file);
        this.noise = noise;
        this.duplicateRate = settings.duplicateRate();
        this.malformedRate = settings.malformedRate();
        this.late = new LateArrivals<>(settings.disorderRate(), noise);
    }

    void write(GeneratedTweet tweet) {
        late.accept(tweet, this::emit);
    }

    @Override
    public void close() throws IOException {
        late.flush(this::emit);
        while (!page.isEmpty() || !repeatOnNextPage.isEmpty()) {
            if (!page.isEmpty()) {
                writePage();
            }
            startPage();
        }
        out.close();
    }

    /** Distinct tweets written, each once however many times it appears. */
    long tweets() {
        return tweets;
    }

    /** Tweets written in all pages: the tweets and their repeats. */
    long placed() {
        return placed;
    }

    long duplicates() {
        return duplicates;
    }

    /** Tweets whose created_at is earlier than that of some tweet above them in the file. */
    long outOfOrder() {
        return outOfOrder;
    }

    long pages() {
        return pages;
    }

    long brokenLines() {
        return brokenLines;
    }

    private void emit(GeneratedTweet tweet) {
        tweets++;
        // Asked for before placing: a tweet that fills the page opens the next one with its repeat.
        if (duplicateRate > 0 && Draws.chance(noise, duplicateRate)) {
            repeatOnNextPage.add(tweet);
        }
        place(tweet);
    }

    private void place(GeneratedTweet tweet) {
        page.add(tweet);
        placed++;
        if (tweet.time() < latest) {
            outOfOrder++;
        } else {
            latest = tweet.time();
        }
        if (page.size() == PAGE_SIZE) {
            writePage();
            startPage();
        }
    }

    /** Opens a page with the repeats the previous one asked for. */
    private void startPage() {
        List<GeneratedTweet> repeats = new ArrayList<>(repeatOnNextPage);
        repeatOnNextPage.clear();
        for (GeneratedTweet repeat : repeats) {
            duplicates++;
            place(repeat);
        }
    }

    private void writePage() {
        line.setLength(0);
        Map<String, TwitterAccount> users = new LinkedHashMap<>();
        line.append("{\"data\":[");
        for (int i = 0; i < page.size(); i++) {
            GeneratedTweet tweet = page.get(i);
            if (i > 0) {
                line.append(',');
            }
            tweet.appendJson(line, timestamps);
            users.putIfAbsent(tweet.author().id(), tweet.author());
        }
        line.append("],\"includes\":{\"users\":[");
        String separator = "";
        for (TwitterAccount user : users.values()) {
            line.append(separator);
            user.appendJson(line);
            separator = ",";
        }
        line.append("]},\"meta\":{\"result_count\":").append(page.size()).append("}}");
        page.clear();
        pages++;
        out.line(line);
        if (malformedRate > 0 && Draws.chance(noise, malformedRate)) {
            // Cut inside the object: the closing brace is lost, so the line can never parse.
            int length = line.length();
            line.setLength(length / 10 + noise.nextInt(length * 8 / 10));
            out.line(line);
            brokenLines++;
        }
    }
}
