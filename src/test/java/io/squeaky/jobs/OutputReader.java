package io.squeaky.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the job's Parquet tables the way a BI tool does: DuckDB over the partitioned files. */
final class OutputReader implements AutoCloseable {

    private final Connection connection;
    private final Path output;

    OutputReader(Path output) throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
        this.output = output;
    }

    /** A table as a DuckDB relation: {@code read_parquet(...)} over its dt= partitions. */
    String table(String name) {
        return "read_parquet('"
                + output.resolve(name).toAbsolutePath()
                + "/dt=*/*.parquet', hive_partitioning=true)";
    }

    List<List<Object>> rows(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
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

    Object value(String sql) throws SQLException {
        return rows(sql).get(0).get(0);
    }

    long count(String sql) throws SQLException {
        return ((Number) value(sql)).longValue();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
