package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.squeaky.SharedData;
import io.squeaky.TestClusters;
import io.squeaky.flink.OutputTables;
import io.squeaky.stats.KaplanMeier;
import io.squeaky.stats.Observation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The batch job on the real Kaggle extract, its Parquet read back with DuckDB. */
class BatchJobITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @TempDir static Path workDir;

    static Path output;
    static String report;

    @BeforeAll
    static void runTheJobOnTheKaggleExtract() throws Exception {
        output = workDir.resolve("tables");
        report =
                run(
                        "--input",
                        SharedData.file("twcs/twcs-head5000.csv").toString(),
                        "--format",
                        "twcs",
                        "--output",
                        output.toString(),
                        "--parallelism",
                        "2");
    }

    /**
     * At default settings (72 h inactivity gap, 7 d reply window): every brand reply inside the
     * reply window counts, even one that comes after the gap.
     */
    @Test
    void repliedExchangesAndTheirMedianMatchAnIndependentReadingOfTheCsv() throws Exception {
        IndependentTwcsReading.Figures expected =
                IndependentTwcsReading.of(
                        SharedData.file("twcs/twcs-head5000.csv"), Duration.ofDays(7));
        assertThat(expected.repliedCustomerPosts())
                .as("as Python's csv module counts them with a 7-day window")
                .isEqualTo(2080);
        assertThat(expected.medianMinutes()).isEqualTo(11.5);

        try (OutputReader duckdb = new OutputReader(output)) {
            List<Object> figures =
                    duckdb.rows(
                                    "SELECT count(*), median(seconds_to_reply) / 60.0 FROM "
                                            + duckdb.table("exchanges")
                                            + " WHERE replied_at IS NOT NULL")
                            .get(0);
            assertThat(((Number) figures.get(0)).intValue())
                    .isEqualTo(expected.repliedCustomerPosts());
            assertThat(((Number) figures.get(1)).doubleValue())
                    .isCloseTo(expected.medianMinutes(), within(1e-9));
        }
    }

    @Test
    void everyTableIsReadableWithTypedColumnsAndMarkedComplete() throws Exception {
        try (OutputReader duckdb = new OutputReader(output)) {
            assertThat(duckdb.count("SELECT count(*) FROM " + duckdb.table("cases"))).isPositive();
            assertThat(
                            duckdb.value(
                                    "SELECT typeof(opened_at) FROM "
                                            + duckdb.table("cases")
                                            + " LIMIT 1"))
                    .asString()
                    .startsWith("TIMESTAMP");
            assertThat(
                            duckdb.count(
                                    "SELECT count(*) FROM "
                                            + duckdb.table("cases")
                                            + " WHERE dt <> CAST(opened_at AT TIME ZONE 'UTC' AS DATE)"))
                    .as("partitioned by the UTC open date")
                    .isZero();
        }
        for (String table : OutputTables.ALL) {
            assertThat(output.resolve(table).resolve("_SUCCESS")).exists();
        }
        try (var files = Files.walk(output)) {
            List<Path> parts = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("_SUCCESS"))
                    .forEach(parts::add);
            assertThat(parts)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.toString()).endsWith(".parquet"));
        }
    }

    @Test
    void casesAreConsistentWithTheirExchanges() throws Exception {
        try (OutputReader duckdb = new OutputReader(output)) {
            String cases = duckdb.table("cases");
            String exchanges = duckdb.table("exchanges");
            assertThat(
                            duckdb.count(
                                    "SELECT count(*) FROM "
                                            + cases
                                            + " c JOIN (SELECT case_id, count(*) n,"
                                            + " count(replied_at) replied, min(posted_at) first_post"
                                            + " FROM "
                                            + exchanges
                                            + " GROUP BY case_id) e USING (case_id)"
                                            + " WHERE c.exchanges <> e.n"
                                            + " OR c.unanswered_exchanges <> e.n - e.replied"
                                            + " OR c.opened_at <> e.first_post"))
                    .isZero();
            assertThat(
                            duckdb.count(
                                    "SELECT count(*) FROM "
                                            + cases
                                            + " WHERE (first_reply_at IS NULL)"
                                            + " <> (outcome IN ('OPEN', 'ABANDONED'))"
                                            + " OR (seconds_to_censor IS NULL) <> (first_reply_at IS NOT NULL)"
                                            + " OR persistence < 1 OR persistence > customer_posts"
                                            + " OR followers_at_open IS NOT NULL"))
                    .as("outcome, censoring, persistence; TWCS has no follower counts")
                    .isZero();
            assertThat(duckdb.count("SELECT count(DISTINCT data_selection) FROM " + cases))
                    .isEqualTo(1);
            assertThat(duckdb.value("SELECT any_value(data_selection) FROM " + cases))
                    .isEqualTo("conversations_seeded_by_brand_reply");
            assertThat(
                            duckdb.count(
                                    "SELECT count(*) FROM "
                                            + cases
                                            + " WHERE customer_id SIMILAR TO '[0-9]+'"))
                    .as("customer ids are pseudonyms, never the raw account ids")
                    .isZero();
        }
    }

    @Test
    void theKaplanMeierMedianDiffersFromTheRepliedOnlyMedianOnlyByTheCensoredCases()
            throws Exception {
        try (OutputReader duckdb = new OutputReader(output)) {
            List<List<Object>> rows =
                    duckdb.rows(
                            "SELECT coalesce(seconds_to_first_reply, seconds_to_censor),"
                                    + " first_reply_at IS NOT NULL FROM "
                                    + duckdb.table("cases"));
            List<Observation> all = new ArrayList<>();
            List<Observation> repliedOnly = new ArrayList<>();
            List<Long> replied = new ArrayList<>();
            for (List<Object> row : rows) {
                long seconds = ((Number) row.get(0)).longValue();
                boolean event = (Boolean) row.get(1);
                all.add(new Observation(seconds, event, "c"));
                if (event) {
                    repliedOnly.add(new Observation(seconds, true, "c"));
                    replied.add(seconds);
                }
            }
            replied.sort(null);
            int n = replied.size();
            double naive = (replied.get((n - 1) / 2) + replied.get(n / 2)) / 2.0;
            long censored = all.size() - n;

            assertThat(censored).as("unanswered cases in the extract").isPositive();
            assertThat(KaplanMeier.fit(repliedOnly).median().point())
                    .as("without the censored cases Kaplan-Meier is the plain median")
                    .isEqualTo(naive);
            assertThat(KaplanMeier.fit(all).median().point())
                    .as("with them, the product-limit median computed here")
                    .isEqualTo(productLimitMedian(all))
                    .isGreaterThanOrEqualTo(naive);
        }
    }

    @Test
    void statisticsTablesAgreeWithTheCasesTheyAreComputedFrom() throws Exception {
        try (OutputReader duckdb = new OutputReader(output)) {
            String byBrandDay =
                    "(SELECT brand, CAST(opened_at AT TIME ZONE 'UTC' AS DATE) AS day,"
                            + " count(*) AS cases, count(first_reply_at) AS replied,"
                            + " sum(coalesce(seconds_to_first_reply, seconds_to_censor)) / 3600.0"
                            + " AS waiting_hours FROM "
                            + duckdb.table("cases")
                            + " GROUP BY ALL) c";
            String overall =
                    "(SELECT * FROM "
                            + duckdb.table("brand_metrics")
                            + " WHERE first_channel = 'all' AND pressure_bucket = 'ALL'"
                            + " AND endpoint = 'first_reply' AND clock = 'calendar') m";
            assertThat(duckdb.count("SELECT count(*) FROM " + overall)).isPositive();
            assertThat(
                            duckdb.count(
                                    "SELECT count(*) FROM "
                                            + byBrandDay
                                            + " FULL JOIN "
                                            + overall
                                            + " ON c.brand = m.brand"
                                            + " AND c.day = CAST(m.period_start AT TIME ZONE 'UTC' AS DATE)"
                                            + " WHERE m.cases IS DISTINCT FROM c.cases"
                                            + " OR m.events IS DISTINCT FROM c.replied"
                                            + " OR m.censored <> c.cases - c.replied"))
                    .as("one overall row per brand and day, counting its cases and replies")
                    .isZero();

            List<Object> busiest =
                    duckdb.rows(
                                    "SELECT brand, CAST(CAST(period_start AT TIME ZONE 'UTC' AS DATE) AS VARCHAR),"
                                            + " median_seconds FROM "
                                            + overall
                                            + " ORDER BY cases DESC, brand LIMIT 1")
                            .get(0);
            List<Observation> observations = new ArrayList<>();
            for (List<Object> row :
                    duckdb.rows(
                            "SELECT coalesce(seconds_to_first_reply, seconds_to_censor),"
                                    + " first_reply_at IS NOT NULL FROM "
                                    + duckdb.table("cases")
                                    + " WHERE brand = '"
                                    + busiest.get(0)
                                    + "' AND CAST(opened_at AT TIME ZONE 'UTC' AS DATE) = DATE '"
                                    + busiest.get(1)
                                    + "'")) {
                observations.add(
                        new Observation(
                                ((Number) row.get(0)).longValue(), (Boolean) row.get(1), "c"));
            }
            assertThat(observations).hasSizeGreaterThan(20);
            assertThat(((Number) busiest.get(2)).doubleValue())
                    .as("the busiest brand-day's median, from the cases table by definition")
                    .isEqualTo(productLimitMedian(observations));

            assertThat(
                            duckdb.count(
                                    "SELECT count(*) FROM "
                                            + byBrandDay
                                            + " FULL JOIN (SELECT brand, period_start,"
                                            + " sum(first_replies) AS replies,"
                                            + " sum(waiting_case_hours) AS hours FROM "
                                            + duckdb.table("brand_hours")
                                            + " GROUP BY ALL) h ON c.brand = h.brand"
                                            + " AND c.day = CAST(h.period_start AT TIME ZONE 'UTC' AS DATE)"
                                            + " WHERE h.replies IS DISTINCT FROM c.replied"
                                            + " OR abs(h.hours - c.waiting_hours) > 1e-6"))
                    .as("brand_hours spreads each case's wait over the week, losing none of it")
                    .isZero();
            assertThat(
                            duckdb.count(
                                    "SELECT count(*) FROM "
                                            + duckdb.table("equity")
                                            + " e JOIN "
                                            + overall
                                            + " USING (brand, period_start)"
                                            + " WHERE e.follower_decile IS NOT NULL"
                                            + " OR e.cases <> m.cases"))
                    .as("TWCS has no follower counts: one row of unknown followers per brand-day")
                    .isZero();
            assertThat(
                            duckdb.count(
                                    "SELECT count(*) FROM "
                                            + duckdb.table("pressure_effect")
                                            + " WHERE comparison = 'off_hours_vs_business_hours'"))
                    .isPositive();
            assertThat(
                            duckdb.count(
                                    "SELECT count(DISTINCT config_hash) FROM (SELECT config_hash FROM "
                                            + duckdb.table("brand_metrics")
                                            + " UNION ALL SELECT config_hash FROM "
                                            + duckdb.table("pressure_effect")
                                            + " UNION ALL SELECT config_hash FROM "
                                            + duckdb.table("equity")
                                            + " UNION ALL SELECT config_hash FROM "
                                            + duckdb.table("brand_hours")
                                            + ")"))
                    .isEqualTo(1);
        }
    }

    /** The product-limit median, from its definition: the first time survival drops to 0.5. */
    private static double productLimitMedian(List<Observation> observations) {
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(
                (a, b) ->
                        a.time() != b.time()
                                ? Double.compare(a.time(), b.time())
                                : Boolean.compare(b.event(), a.event()));
        double survival = 1.0;
        int atRisk = sorted.size();
        int i = 0;
        while (i < sorted.size()) {
            double time = sorted.get(i).time();
            int events = 0;
            int leaving = 0;
            while (i < sorted.size() && sorted.get(i).time() == time) {
                events += sorted.get(i).event() ? 1 : 0;
                leaving++;
                i++;
            }
            double next = survival * (1 - (double) events / atRisk);
            if (Math.abs(next - 0.5) < 1e-12) {
                // Flat at exactly one half: the median is midway to the next event time.
                for (int j = i; j < sorted.size(); j++) {
                    if (sorted.get(j).event()) {
                        return (time + sorted.get(j).time()) / 2;
                    }
                }
                return time;
            }
            if (next < 0.5) {
                return time;
            }
            survival = next;
            atRisk -= leaving;
        }
        return Double.NaN;
    }

    @Test
    void printsAPerBrandSummaryLabelledAsConditionalOnAReply() {
        assertThat(report)
                .contains(
                        "Read 5,000 posts: 5,000 accepted, 0 rejected, 0 late, 0 blank rows skipped")
                .contains("among replied cases only")
                .containsPattern("(?m)^Chipotle\\s+\\d+");
    }

    @Test
    void printsTheStudyHazardRatiosOfTheEffectsTableWithTheirModel() throws Exception {
        try (OutputReader duckdb = new OutputReader(output)) {
            List<Object> persistence =
                    duckdb.rows(
                                    "SELECT hazard_ratio, lower_95, upper_95 FROM "
                                            + duckdb.table("effects")
                                            + " WHERE period = 'all' AND scope = 'study'"
                                            + " AND endpoint = 'first_reply'"
                                            + " AND covariate = 'persistence'"
                                            + " AND clock = 'calendar'"
                                            + " AND specification = 'pressure'")
                            .get(0);
            assertThat(report)
                    .containsPattern(
                            String.format(
                                    "(?m)^first_reply\\s+\\S.* %.2f \\(%.2f, %.2f\\) ",
                                    persistence.toArray()))
                    .contains(
                            "coxph(Surv(start_seconds, stop_seconds, event) ~ public + persistence"
                                    + " + desk_open + strata(brand) + cluster(customer_id)");
        }
    }

    static String run(String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            BatchJob.run(BatchConfig.fromArgs(args), out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
