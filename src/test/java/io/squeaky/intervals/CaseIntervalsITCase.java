package io.squeaky.intervals;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.DuckDb;
import io.squeaky.SharedData;
import io.squeaky.TestClusters;
import io.squeaky.generate.CrossChannelGenerator;
import io.squeaky.jobs.BatchConfig;
import io.squeaky.jobs.BatchJob;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code case_intervals} reconciles with {@code cases}, read back with DuckDB: per case and
 * endpoint the intervals tile {@code (0, T]} without gaps or overlaps, T being the time {@code
 * cases} gives to the event or to censoring, with one event row, the last, for an event and none
 * for a censored case. On the Kaggle extract, the study-level first-reply model has intervals.
 */
class CaseIntervalsITCase {

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @TempDir Path dir;

    @Test
    void onGeneratedTicketsAndPostsTheIntervalsTileEachFollowUp() throws Exception {
        Path data = dir.resolve("data");
        CrossChannelGenerator.main(
                new String[] {"--output", data.toString(), "--cases", "1500", "--seed", "5"});
        Path tables = dir.resolve("tables");
        run(
                "--input", data.resolve("posts").toString(),
                "--format", "twitter-v2",
                "--events", data.resolve("desk").toString(),
                "--brands", data.resolve("truth/brands.csv").toString(),
                "--schedules", data.resolve("truth/schedules.json").toString(),
                "--output", tables.toString());

        assertReconciles(tables);
        assertThat(
                        DuckDb.count(
                                "SELECT count(DISTINCT case_id) FROM "
                                        + DuckDb.table(tables, "case_intervals")
                                        + " WHERE endpoint = 'resolution' AND NOT desk_open"))
                .as("tickets waiting while the desk was closed")
                .isPositive();
    }

    @Test
    void onTheKaggleExtractTheIntervalsTileAndTheStudyModelHasIntervals() throws Exception {
        Path tables = dir.resolve("tables");
        run(
                "--input", SharedData.file("twcs/twcs-head5000.csv").toString(),
                "--format", "twcs",
                "--output", tables.toString());

        assertReconciles(tables);
        assertThat(
                        DuckDb.rows(
                                "SELECT covariate FROM "
                                        + DuckDb.table(tables, "effects")
                                        + " WHERE period = 'all' AND scope = 'study'"
                                        + " AND endpoint = 'first_reply' AND lower_95 IS NOT NULL"
                                        + " AND clock = 'calendar' AND specification = 'pressure'"
                                        + " ORDER BY covariate"))
                .as("study-level first-reply hazard ratios with an interval")
                .extracting(row -> row.get(0))
                .contains("persistence", "desk_open");
    }

    /** Fails with the first offending follow-ups, if any. */
    private static void assertReconciles(Path tables) throws Exception {
        String cases = DuckDb.table(tables, "cases");
        String intervals = DuckDb.table(tables, "case_intervals");
        String followUps =
                "SELECT case_id, 'first_reply' AS endpoint,"
                        + " coalesce(seconds_to_first_reply, seconds_to_censor) AS t,"
                        + " first_reply_at IS NOT NULL AS happened FROM "
                        + cases
                        + " UNION ALL SELECT case_id, 'resolution',"
                        + " coalesce(seconds_to_full_resolution,"
                        + " (epoch_ms(censored_at) - epoch_ms(opened_at)) // 1000),"
                        + " full_resolution_at IS NOT NULL FROM "
                        + cases
                        + " WHERE ticket_id IS NOT NULL";
        String tiled =
                "SELECT case_id, endpoint, min(start_seconds) AS first_start,"
                        + " max(stop_seconds) AS last_stop, sum(stop_seconds - start_seconds) AS covered,"
                        + " count(*) FILTER (WHERE gap <> 0) AS gaps,"
                        + " count(*) FILTER (WHERE event) AS events,"
                        + " count(*) FILTER (WHERE event AND stop_seconds <> last) AS early_events"
                        + " FROM (SELECT *, start_seconds - coalesce(lag(stop_seconds) OVER w, 0) AS gap,"
                        + " max(stop_seconds) OVER (PARTITION BY case_id, endpoint) AS last FROM "
                        + intervals
                        + " WINDOW w AS (PARTITION BY case_id, endpoint ORDER BY start_seconds))"
                        + " GROUP BY ALL";
        String mismatches =
                "SELECT f.case_id, f.endpoint, f.t, f.happened, i.* FROM ("
                        + followUps
                        + ") f FULL OUTER JOIN ("
                        + tiled
                        + ") i ON f.case_id = i.case_id AND f.endpoint = i.endpoint"
                        + " WHERE f.case_id IS NULL"
                        + " OR (f.t > 0 AND (i.case_id IS NULL OR i.first_start <> 0"
                        + " OR i.last_stop <> f.t OR i.covered <> f.t OR i.gaps > 0"
                        + " OR i.events <> CASE WHEN f.happened THEN 1 ELSE 0 END"
                        + " OR i.early_events > 0))"
                        + " OR (f.t <= 0 AND i.case_id IS NOT NULL)";
        assertThat(DuckDb.rows(mismatches + " LIMIT 5"))
                .as("follow-ups that do not tile")
                .isEmpty();
        assertBusinessClockReconciles(cases, intervals);
        assertThat(DuckDb.count("SELECT count(*) FROM " + intervals))
                .as("intervals")
                .isGreaterThan(DuckDb.count("SELECT count(*) FROM " + cases));
        assertThat(
                        DuckDb.count(
                                "SELECT count(*) FROM "
                                        + intervals
                                        + " WHERE dt <> CAST(opened_at AT TIME ZONE 'UTC' AS DATE)"))
                .as("partitioned by the UTC open date")
                .isZero();
    }

    /**
     * On the business clock the rows that take business time tile {@code (0, B]}, B the business
     * seconds {@code cases} gives for the same follow-up (computed there from the schedule, not
     * from intervals), with one event when the endpoint was reached after some business time.
     */
    private static void assertBusinessClockReconciles(String cases, String intervals)
            throws Exception {
        String followUps =
                "SELECT case_id, 'first_reply' AS endpoint,"
                        + " coalesce(business_seconds_to_first_reply, business_seconds_to_censor)"
                        + " AS b, first_reply_at IS NOT NULL AS happened FROM "
                        + cases
                        + " UNION ALL SELECT case_id, 'resolution',"
                        + " coalesce(business_seconds_to_full_resolution, business_seconds_to_censor),"
                        + " full_resolution_at IS NOT NULL FROM "
                        + cases
                        + " WHERE ticket_id IS NOT NULL";
        String tiled =
                "SELECT case_id, endpoint, count(*) AS rows, min(business_start_seconds) AS first,"
                        + " max(business_stop_seconds) AS last,"
                        + " sum(business_stop_seconds - business_start_seconds) AS covered,"
                        + " count(*) FILTER (WHERE gap <> 0) AS gaps,"
                        + " count(*) FILTER (WHERE business_event) AS events,"
                        + " count(*) FILTER (WHERE business_event AND business_stop_seconds <> m)"
                        + " AS early_events"
                        + " FROM (SELECT *, business_start_seconds"
                        + " - coalesce(lag(business_stop_seconds) OVER w, 0) AS gap,"
                        + " max(business_stop_seconds) OVER (PARTITION BY case_id, endpoint) AS m"
                        + " FROM "
                        + intervals
                        + " WHERE business_stop_seconds IS NOT NULL"
                        + " WINDOW w AS (PARTITION BY case_id, endpoint"
                        + " ORDER BY business_start_seconds)) GROUP BY ALL";
        String mismatches =
                "SELECT f.*, i.* FROM ("
                        + followUps
                        + ") f FULL OUTER JOIN ("
                        + tiled
                        + ") i ON f.case_id = i.case_id AND f.endpoint = i.endpoint"
                        + " WHERE f.case_id IS NULL"
                        + " OR (f.b > 0 AND f.case_id IN (SELECT case_id FROM "
                        + intervals
                        + ") AND (i.case_id IS NULL OR i.first <> 0 OR i.last <> f.b"
                        + " OR i.covered <> f.b OR i.gaps > 0"
                        + " OR i.events <> CASE WHEN f.happened THEN 1 ELSE 0 END"
                        + " OR i.early_events > 0))"
                        + " OR (coalesce(f.b, 0) <= 0 AND i.case_id IS NOT NULL)";
        assertThat(DuckDb.rows(mismatches + " LIMIT 5"))
                .as("business-clock follow-ups that do not tile")
                .isEmpty();
        assertThat(
                        DuckDb.count(
                                "SELECT count(*) FROM "
                                        + intervals
                                        + " WHERE (business_start_seconds IS NULL)"
                                        + " <> (business_stop_seconds IS NULL)"
                                        + " OR (business_start_seconds IS NULL)"
                                        + " <> (business_event IS NULL)"
                                        + " OR business_stop_seconds <= business_start_seconds"))
                .as("business columns all present with a positive length, or all missing")
                .isZero();
        assertThat(DuckDb.count("SELECT count(*) FROM " + intervals + " WHERE business_event"))
                .as("business-clock events")
                .isPositive();
    }

    private static void run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--parallelism", "2"));
        BatchJob.run(
                BatchConfig.fromArgs(all.toArray(String[]::new)),
                new PrintStream(OutputStream.nullOutputStream()));
    }
}
