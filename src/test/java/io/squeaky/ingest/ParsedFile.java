package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.Pseudonymizer;
import io.squeaky.records.Post;
import io.squeaky.records.Reject;
import io.squeaky.records.SourceRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A whole file run through an adapter, the way the file source's reader does. */
record ParsedFile(List<Post> posts, List<Reject> rejects) {

    /** No rejects, and this many posts, retweets, replies and quotes. */
    void hasExactly(int tweets, int retweets, int replies, int quotes) {
        assertThat(rejects).isEmpty();
        assertThat(posts).hasSize(tweets);
        assertThat(posts.stream().filter(p -> p.getRetweetOf() != null)).hasSize(retweets);
        assertThat(posts.stream().filter(p -> p.getParentPostId() != null)).hasSize(replies);
        assertThat(posts.stream().filter(p -> p.getQuoteOf() != null)).hasSize(quotes);
    }

    static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

    static ParsedFile read(Path file, InputFormat format) throws IOException {
        return read(file, format, BrandRegistry.bundled());
    }

    static ParsedFile read(Path file, InputFormat format, BrandRegistry brands) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), format, brands);
        }
    }

    static ParsedFile read(Reader in, String source, InputFormat format, BrandRegistry brands)
            throws IOException {
        return read(in, source, format, new PostFactory(brands, FIXED));
    }

    /** Read as a job run with {@code --rejects-raw} reads it. */
    static ParsedFile readKeepingRawRejects(Reader in, String source, InputFormat format)
            throws IOException {
        return read(
                in,
                source,
                format,
                new PostFactory(
                        BrandRegistry.bundled(),
                        FIXED,
                        new RejectPrivacy(new Pseudonymizer("test-salt"), true)));
    }

    static ParsedFile read(Reader in, String source, InputFormat format, PostFactory factory)
            throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        RecordSplitter splitter = format.splitter(in);
        RecordParser parser = format.parser(factory);
        String text;
        while ((text = splitter.next()) != null) {
            parser.parse(new RawRecord(source, splitter.recordLine(), text), records::add);
        }
        List<Post> posts = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        for (SourceRecord r : records) {
            if (r.getPost() != null) {
                posts.add(r.getPost());
            } else {
                rejects.add(r.getReject());
            }
        }
        return new ParsedFile(posts, rejects);
    }
}
