package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.SharedData;
import io.squeaky.TestClusters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Citibanamex export (rtweet columns, Spanish, no reply ids) through the batch job at
 * default settings, against a reading of the CSV made here: its own CSV reading and regular
 * expressions, the brands file as reference data, and the mention rule from its definition.
 */
class CitibanamexITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    private static final Path FILE = SharedData.file("citibanamex/citibanamex-tweets-2021-12.csv");
    private static final long WINDOW_SECONDS = 7 * 86_400L;
    private static final Pattern LEADING = Pattern.compile("^@([A-Za-z0-9_]+)");
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_])@([A-Za-z0-9_]+)");

    @TempDir static Path workDir;

    static Path output;
    static String report;

    private record Tweet(String id, String handle, long at, String text) {}

    @BeforeAll
    static void runTheJobOnTheExport() throws Exception {
        output = workDir.resolve("tables");
        report =
                BatchJobITCase.run(
                        "--input",
                        FILE.toString(),
                        "--format",
                        "rtweet",
                        "--output",
                        output.toString(),
                        "--parallelism",
                        "2");
    }

    @Test
    void everyTweetIsReadAndEveryBrandReplyTheMentionRuleLinksIsCounted() throws Exception {
        List<Tweet> tweets = tweets();
        Map<String, Long> firstReply = expectedFirstReplies(tweets);
        long linked = linkedReplies(tweets);
        assertThat(tweets).as("the file's README").hasSize(3878);
        assertThat(linked).as("as Python's csv module finds them by the rule").isEqualTo(1082);
        assertThat(firstReply).as("customer posts answered, likewise").hasSize(710);

        assertThat(report)
                .contains("Read 3,878 posts: 3,878 accepted, 0 rejected, 0 late, 0 blank rows")
                .contains(String.format("Linked %,d brand replies by the @handle", linked));
        try (OutputReader duckdb = new OutputReader(output)) {
            List<Object> replied =
                    duckdb.rows(
                                    "SELECT count(*), median(seconds_to_reply),"
                                            + " count(*) FILTER (reply_link = 'mention_inferred')"
                                            + " FROM "
                                            + duckdb.table("exchanges")
                                            + " WHERE replied_at IS NOT NULL")
                            .get(0);
            List<Long> delays = new ArrayList<>(firstReply.values());
            delays.sort(null);
            int n = delays.size();
            double median = (delays.get((n - 1) / 2) + delays.get(n / 2)) / 2.0;
            assertThat(((Number) replied.get(0)).intValue()).isEqualTo(n);
            assertThat(((Number) replied.get(1)).doubleValue()).isEqualTo(median);
            assertThat(((Number) replied.get(2)).intValue())
                    .as("every link in this export is inferred")
                    .isEqualTo(n);
            assertThat(
                            duckdb.rows(
                                    "SELECT DISTINCT source_format, data_selection,"
                                            + " coalesce(first_reply_link, '-') FROM "
                                            + duckdb.table("cases")
                                            + " ORDER BY 3"))
                    .extracting(Object::toString)
                    .containsExactly(
                            "[rtweet, as_collected, -]",
                            "[rtweet, as_collected, mention_inferred]");
        }
    }

    /** Each customer post a brand reply answers by the rule, with its earliest reply's delay. */
    private static Map<String, Long> expectedFirstReplies(List<Tweet> tweets) throws Exception {
        Map<String, List<Tweet>> answerable = answerableByAccount(tweets);
        Map<String, Long> first = new HashMap<>();
        for (Tweet reply : tweets) {
            Tweet parent = parentByRule(reply, answerable);
            if (parent != null) {
                first.merge(parent.id(), reply.at() - parent.at(), Math::min);
            }
        }
        return first;
    }

    private static long linkedReplies(List<Tweet> tweets) throws Exception {
        Map<String, List<Tweet>> answerable = answerableByAccount(tweets);
        long n = 0;
        for (Tweet reply : tweets) {
            if (parentByRule(reply, answerable) != null) {
                n++;
            }
        }
        return n;
    }

    /** Customers' posts not addressed to another brand (first brand mention), by account. */
    private static Map<String, List<Tweet>> answerableByAccount(List<Tweet> tweets)
            throws Exception {
        Set<String> brands = brandHandles();
        Map<String, List<Tweet>> byAccount = new HashMap<>();
        for (Tweet t : tweets) {
            String account = t.handle().toLowerCase(Locale.ROOT);
            String firstBrand = firstBrandMention(t.text(), brands);
            if (!brands.contains(account)
                    && (firstBrand == null || firstBrand.equals("citibanamex"))) {
                byAccount.computeIfAbsent(account, a -> new ArrayList<>()).add(t);
            }
        }
        return byAccount;
    }

    /**
     * The rule as the README states it: a brand post beginning with @handle answers that account's
     * latest post before it within 7 days whose first brand mention, if any, is this brand.
     */
    private static Tweet parentByRule(Tweet reply, Map<String, List<Tweet>> answerable) {
        Matcher leading = LEADING.matcher(reply.text());
        if (!reply.handle().equalsIgnoreCase("Citibanamex") || !leading.find()) {
            return null;
        }
        Tweet best = null;
        for (Tweet t :
                answerable.getOrDefault(leading.group(1).toLowerCase(Locale.ROOT), List.of())) {
            long delay = reply.at() - t.at();
            boolean eligible = delay >= 0 && delay <= WINDOW_SECONDS;
            if (eligible
                    && (best == null
                            || t.at() > best.at()
                            || (t.at() == best.at()
                                    && Long.parseLong(t.id()) > Long.parseLong(best.id())))) {
                best = t;
            }
        }
        return best;
    }

    private static String firstBrandMention(String text, Set<String> brands) {
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            if (brands.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static Set<String> brands;

    private static Set<String> brandHandles() throws Exception {
        if (brands == null) {
            brands = new HashSet<>();
            for (String line : Files.readAllLines(Path.of("jobs/config/brands.csv"))) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("handle,")) {
                    brands.add(line.split(",")[0].strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return brands;
    }

    private static List<Tweet> tweets() throws Exception {
        List<List<String>> records =
                PlainCsv.records(Files.readString(FILE, StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        List<Tweet> tweets = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            tweets.add(
                    new Tweet(
                            r.get(header.indexOf("status_id")),
                            r.get(header.indexOf("screen_name")),
                            Instant.parse(r.get(header.indexOf("created_at"))).getEpochSecond(),
                            r.get(header.indexOf("text"))));
        }
        return tweets;
    }
}
