package io.squeaky;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The latest-figures view on hand-made rows: a final window shows its final rows only, a window not
 * yet final the rows of its latest provisional instant, and runs with another configuration stay
 * apart.
 */
class LatestStatisticsViewTest {

    private static final String WEEK_ONE = "TIMESTAMPTZ '2017-10-02 00:00:00+00'";
    private static final String WEEK_TWO = "TIMESTAMPTZ '2017-10-09 00:00:00+00'";

    @Test
    void finalRowsWinAndOtherwiseTheLatestProvisionalInstant() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            for (String table :
                    List.of("brand_metrics", "pressure_effect", "equity", "brand_hours")) {
                sql.execute(
                        "CREATE TABLE "
                                + table
                                + " AS SELECT * FROM (VALUES ('Acme', 'WEEK', "
                                + WEEK_ONE
                                + ", 'all', 40, 'h1'), ('Acme', 'WEEK', "
                                + WEEK_ONE
                                + ", 'twitter', 30, 'h1')) t(brand, period, period_start,"
                                + " first_channel, cases, config_hash)");
                sql.execute(
                        "CREATE TABLE "
                                + table
                                + "_provisional AS SELECT * EXCLUDE (as_of), 'provisional' AS status, as_of FROM"
                                + " (VALUES ('Acme', 'WEEK', "
                                + WEEK_ONE
                                + ", 'all', 38, 'h1', TIMESTAMPTZ '2017-10-08 00:00:00+00'),"
                                + " ('Acme', 'WEEK', "
                                + WEEK_TWO
                                + ", 'all', 3, 'h1', TIMESTAMPTZ '2017-10-09 06:00:00+00'),"
                                + " ('Acme', 'WEEK', "
                                + WEEK_TWO
                                + ", 'all', 5, 'h1', TIMESTAMPTZ '2017-10-09 12:00:00+00'),"
                                + " ('Acme', 'WEEK', "
                                + WEEK_TWO
                                + ", 'twitter', 4, 'h1', TIMESTAMPTZ '2017-10-09 12:00:00+00'),"
                                + " ('Acme', 'WEEK', "
                                + WEEK_TWO
                                + ", 'all', 9, 'other', TIMESTAMPTZ '2017-10-09 06:00:00+00'))"
                                + " t(brand, period, period_start, first_channel, cases,"
                                + " config_hash, as_of)");
            }
            sql.execute(
                    "CREATE TABLE effects AS SELECT * FROM (VALUES ('WEEK', "
                            + WEEK_ONE
                            + ", 'study', 0.8, 'h1'), ('all', "
                            + WEEK_ONE
                            + ", 'study', 0.7, 'h1')) t(period, period_start, scope,"
                            + " hazard_ratio, config_hash)");
            sql.execute(
                    "CREATE TABLE effects_provisional AS SELECT * EXCLUDE (as_of), 'provisional' AS status, as_of"
                            + " FROM (VALUES ('WEEK', "
                            + WEEK_ONE
                            + ", 'study', 0.9, 'h1', TIMESTAMPTZ '2017-10-08 00:00:00+00'),"
                            + " ('WEEK', "
                            + WEEK_TWO
                            + ", 'study', 1.1, 'h1', TIMESTAMPTZ '2017-10-09 06:00:00+00'),"
                            + " ('WEEK', "
                            + WEEK_TWO
                            + ", 'study', 1.2, 'h1', TIMESTAMPTZ '2017-10-09 12:00:00+00'))"
                            + " t(period, period_start, scope, hazard_ratio, config_hash, as_of)");

            LatestStatisticsView.create(duckdb);

            for (String table :
                    List.of("brand_metrics", "pressure_effect", "equity", "brand_hours")) {
                assertThat(
                                rows(
                                        sql,
                                        "SELECT strftime(period_start, '%m-%d'), first_channel,"
                                                + " cases, config_hash, status,"
                                                + " strftime(as_of, '%d %H') FROM "
                                                + table
                                                + "_latest ORDER BY ALL"))
                        .as(table)
                        .containsExactly(
                                List.of("10-02", "all", 40, "h1", "final", "null"),
                                List.of("10-02", "twitter", 30, "h1", "final", "null"),
                                List.of("10-09", "all", 5, "h1", "provisional", "09 12"),
                                List.of("10-09", "all", 9, "other", "provisional", "09 06"),
                                List.of("10-09", "twitter", 4, "h1", "provisional", "09 12"));
            }
            assertThat(
                            rows(
                                    sql,
                                    "SELECT period, strftime(period_start, '%m-%d'), CAST(hazard_ratio AS DOUBLE),"
                                            + " status FROM effects_latest ORDER BY ALL"))
                    .containsExactly(
                            List.of("WEEK", "10-02", 0.8, "final"),
                            List.of("WEEK", "10-09", 1.2, "provisional"),
                            List.of("all", "10-02", 0.7, "final"));
        }
    }

    private static List<List<Object>> rows(Statement sql, String query) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = result.getObject(i);
                    row.add(value == null ? "null" : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
