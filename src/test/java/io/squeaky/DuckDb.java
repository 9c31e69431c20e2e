package io.squeaky;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the written Parquet back the way a BI tool does: DuckDB's JDBC driver, in memory. */
public final class DuckDb {

    private DuckDb() {}

    /**
     * The files of a table, as the README tells readers to glob them: DuckDB's {@code *} also
     * matches hidden files, and a streaming run's compaction keeps files it is merging hidden.
     */
    public static final String FILES = "dt=*/[!.]*.parquet";

    /** A table under an output folder, as a relation over its dt= partitions. */
    public static String table(Path output, String name) {
        return "read_parquet('"
                + output.resolve(name).toAbsolutePath()
                + "/"
                + FILES
                + "', hive_partitioning=true)";
    }

    public static List<List<Object>> rows(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    public static Object value(String sql) throws Exception {
        return rows(sql).get(0).get(0);
    }

    public static long count(String sql) throws Exception {
        return ((Number) value(sql)).longValue();
    }
}
