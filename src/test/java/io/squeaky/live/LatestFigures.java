package io.squeaky.live;

import io.squeaky.LatestStatisticsView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Prints the latest time-to-first-reply figures per brand of a streaming run's output folder, as a
 * dashboard reading {@code jobs/sql/latest_statistics.sql} shows them: for each brand its latest
 * period, final or provisional with the instant it holds at. {@code jobs/live} runs it while the
 * job runs.
 *
 * <p>Usage: {@code LatestFigures OUTPUT_DIR}
 */
public final class LatestFigures {

    private LatestFigures() {}

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        if (!committed(output.resolve("brand_metrics_provisional"))
                && !committed(output.resolve("brand_metrics"))) {
            System.out.println("  no statistics committed yet");
            return;
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duckdb.createStatement()) {
            register(sql, output, "brand_metrics");
            LatestStatisticsView.create(duckdb, "brand_metrics");
            try (ResultSet rows =
                    sql.executeQuery(
                            "SELECT brand, strftime(period_start, '%Y-%m-%d'), status,"
                                    + " coalesce(strftime(as_of, '%Y-%m-%d %H:%MZ'), ''), cases,"
                                    + " events, round(median_seconds / 60.0, 1)"
                                    + " FROM brand_metrics_latest"
                                    + " WHERE first_channel = 'all' AND pressure_bucket = 'ALL'"
                                    + " AND endpoint = 'first_reply' AND clock = 'calendar'"
                                    + " QUALIFY row_number() OVER (PARTITION BY brand"
                                    + " ORDER BY period_start DESC) = 1 ORDER BY brand")) {
                System.out.printf(
                        "  %-20s %-10s %-11s %-17s %6s %6s %s%n",
                        "brand", "period", "status", "as of", "cases", "replied", "median min");
                while (rows.next()) {
                    System.out.printf(
                            "  %-20s %-10s %-11s %-17s %6d %6d %s%n",
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getInt(5),
                            rows.getInt(6),
                            rows.getObject(7) == null ? "-" : rows.getObject(7));
                }
            }
        }
    }

    /**
     * A statistics table and its provisional companion as views; the one with no committed file yet
     * as an empty view of the other's columns.
     */
    private static void register(Statement sql, Path output, String table) throws Exception {
        String provisional = table + "_provisional";
        boolean finals = committed(output.resolve(table));
        boolean provisionals = committed(output.resolve(provisional));
        if (finals) {
            sql.execute(view(table, output.resolve(table)));
        }
        if (provisionals) {
            sql.execute(view(provisional, output.resolve(provisional)));
        } else {
            sql.execute(
                    "CREATE VIEW "
                            + provisional
                            + " AS SELECT *, 'provisional' AS status,"
                            + " CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS as_of FROM "
                            + table
                            + " LIMIT 0");
        }
        if (!finals) {
            sql.execute(
                    "CREATE VIEW "
                            + table
                            + " AS SELECT * EXCLUDE (status, as_of) FROM "
                            + provisional
                            + " LIMIT 0");
        }
    }

    private static String view(String name, Path folder) {
        return "CREATE VIEW "
                + name
                + " AS SELECT * FROM read_parquet('"
                + folder.toAbsolutePath()
                + "/dt=*/[!.]*.parquet')";
    }

    private static boolean committed(Path table) throws IOException {
        if (!Files.isDirectory(table)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(table)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".parquet") && !name.startsWith("."));
        }
    }
}
