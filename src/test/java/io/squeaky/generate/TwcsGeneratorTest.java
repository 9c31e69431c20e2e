package io.squeaky.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.squeaky.ingest.BrandRegistry;
import io.squeaky.ingest.CsvRecordSplitter;
import io.squeaky.ingest.PostFactory;
import io.squeaky.ingest.RawRecord;
import io.squeaky.ingest.TwcsParser;
import io.squeaky.records.Post;
import io.squeaky.records.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TwcsGeneratorTest {

    private static final Clock FIXED =
            Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final int CONVERSATIONS = 5_000;

    private static TwcsGenerator.Summary summary;
    private static List<Post> posts;
    private static Map<String, Post> byId;

    @BeforeAll
    static void generateOneSample() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        summary = TwcsGenerator.generate(settings(11, CONVERSATIONS, 0, false), csv);
        posts = parseWithoutRejects(csv.toByteArray());
        byId = new HashMap<>();
        posts.forEach(p -> byId.put(p.getPostId(), p));
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDifferentOnes() throws IOException {
        byte[] first = generate(settings(5, 500, 0, false));
        byte[] again = generate(settings(5, 500, 0, false));
        byte[] otherSeed = generate(settings(6, 500, 0, false));

        assertThat(again).isEqualTo(first);
        assertThat(Arrays.equals(otherSeed, first)).isFalse();
    }

    @Test
    void everyRowParsesAsTwcsWithoutRejects() {
        assertThat(posts).hasSize((int) summary.rows());
        assertThat(summary.conversations()).isEqualTo(CONVERSATIONS);
        BrandRegistry brands = BrandRegistry.bundled();
        assertThat(posts)
                .filteredOn(Post::getAuthorIsBrand)
                .allSatisfy(p -> assertThat(brands.isBrandHandle(p.getAuthorId())).isTrue());
        assertThat(posts)
                .filteredOn(p -> p.getParentPostId() == null)
                .allSatisfy(p -> assertThat(p.getAddressedBrand()).isNotNull());
        assertThat(posts).anySatisfy(p -> assertThat(p.getText()).contains("\n"));
        assertThat(posts).anySatisfy(p -> assertThat(p.getText()).contains("\""));
        assertThat(posts).anySatisfy(p -> assertThat(p.getText()).contains(","));
    }

    @Test
    void theIndexColumnVariantParsesToo() throws IOException {
        byte[] csv = generate(settings(11, 300, 0, true));

        assertThat(new String(csv, 0, 20, StandardCharsets.UTF_8)).startsWith(",tweet_id,");
        assertThat(parseWithoutRejects(csv)).isNotEmpty();
    }

    @Test
    void firstBrandRepliesHaveTheIntendedMedianDelay() {
        Map<String, Long> firstReplySeconds = new HashMap<>();
        for (Post reply : posts) {
            Post parent = reply.getAuthorIsBrand() ? byId.get(reply.getParentPostId()) : null;
            if (parent != null && !parent.getAuthorIsBrand()) {
                long seconds = (reply.getCreatedAt() - parent.getCreatedAt()) / 1000;
                firstReplySeconds.merge(parent.getPostId(), seconds, Math::min);
            }
        }
        double[] minutes =
                firstReplySeconds.values().stream().mapToDouble(s -> s / 60.0).sorted().toArray();
        double intended = DelayModel.BRAND_REPLY.medianMinutes();

        assertThat(intended).isBetween(10.0, 15.0);
        assertThat(minutes[minutes.length / 2]).isCloseTo(intended, within(intended * 0.1));
        assertThat(minutes[minutes.length * 9 / 10]).as("90th percentile").isBetween(120.0, 600.0);
        assertThat(minutes[0]).isPositive();
    }

    @Test
    void aPlantedShareOfConversationsIsNeverAnswered() {
        Set<String> conversations = new HashSet<>();
        Set<String> answered = new HashSet<>();
        for (Post post : posts) {
            String root = rootOf(post);
            conversations.add(root);
            if (post.getAuthorIsBrand()) {
                answered.add(root);
            }
        }
        double unanswered = 1 - (double) answered.size() / conversations.size();

        assertThat(conversations).hasSize(CONVERSATIONS);
        assertThat(unanswered).isCloseTo(ConversationPlanner.UNANSWERED_SHARE, within(0.015));
    }

    @Test
    void aboutAQuarterOfBrandRepliesAskForPrivateMessages() {
        long brandPosts = posts.stream().filter(Post::getAuthorIsBrand).count();
        long handoffs = posts.stream().filter(Post::getPrivateHandoff).count();

        assertThat((double) handoffs / brandPosts)
                .isCloseTo(ConversationPlanner.PRIVATE_HANDOFF_SHARE, within(0.04));
    }

    @Test
    void rowsAreGroupedByConversationSoNotInTimeOrder() {
        int earlier = 0;
        int later = 0;
        for (int i = 1; i < posts.size(); i++) {
            long step = posts.get(i).getCreatedAt() - posts.get(i - 1).getCreatedAt();
            earlier += step < 0 ? 1 : 0;
            later += step > 0 ? 1 : 0;
        }
        assertThat(earlier).isGreaterThan(posts.size() / 4);
        assertThat(later).isGreaterThan(posts.size() / 10);
    }

    @Test
    void aRowTargetStopsAtTheConversationThatReachesIt() throws IOException {
        TwcsGenerator.Summary rows =
                TwcsGenerator.generate(settings(3, 0, 1_000, false), new ByteArrayOutputStream());

        assertThat(rows.rows()).isBetween(1_000L, 1_000L + Conversation.MAX_TWEETS);
    }

    private static String rootOf(Post post) {
        Post current = post;
        while (current.getParentPostId() != null) {
            current = byId.get(current.getParentPostId());
        }
        return current.getPostId();
    }

    private static GeneratorSettings settings(
            long seed, long conversations, long rows, boolean indexColumn) {
        return new GeneratorSettings(
                Path.of("in-memory.csv"),
                conversations,
                rows,
                seed,
                GeneratorSettings.DEFAULT_START,
                GeneratorSettings.DEFAULT_DAYS,
                indexColumn);
    }

    private static byte[] generate(GeneratorSettings settings) throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        TwcsGenerator.generate(settings, csv);
        return csv.toByteArray();
    }

    /** Reads the CSV the way the batch job's file reader does, failing on any reject. */
    private static List<Post> parseWithoutRejects(byte[] csv) throws IOException {
        CsvRecordSplitter splitter =
                new CsvRecordSplitter(
                        new InputStreamReader(
                                new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
        TwcsParser parser = new TwcsParser(new PostFactory(BrandRegistry.bundled(), FIXED));
        List<SourceRecord> records = new ArrayList<>();
        String text;
        while ((text = splitter.next()) != null) {
            parser.parse(new RawRecord("generated.csv", splitter.recordLine(), text), records::add);
        }
        assertThat(records).allSatisfy(r -> assertThat(r.getReject()).isNull());
        return records.stream().map(SourceRecord::getPost).toList();
    }
}
