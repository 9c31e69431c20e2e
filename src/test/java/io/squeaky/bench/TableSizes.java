package io.squeaky.bench;

import io.squeaky.flink.OutputTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rows and bytes of the tables a benchmark run wrote: {@code case_intervals} holds several rows
 * per case (every post, amplification and desk opening or closing cuts one), so its size against
 * {@code cases} is part of the cost of the survival-analysis tables.
 */
final class TableSizes {

    private static final List<String> SHOWN =
            List.of(
                    OutputTables.CASES,
                    OutputTables.EXCHANGES,
                    OutputTables.CASE_INTERVALS,
                    OutputTables.EFFECTS);

    private TableSizes() {}

    /** One table's rows and megabytes on disk. */
    record Size(String table, long rows, double megabytes) {}

    static List<Size> print(Path output) throws SQLException {
        List<Size> sizes = new ArrayList<>();
        System.out.printf("%-16s %12s %10s%n", "table", "rows", "MB");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            for (String table : SHOWN) {
                Path folder = output.resolve(table);
                try (ResultSet result =
                        statement.executeQuery(
                                "SELECT count(*) FROM read_parquet('"
                                        + folder
                                        + "/dt=*/*.parquet')")) {
                    result.next();
                    Size size = new Size(table, result.getLong(1), bytes(folder) / (1024.0 * 1024));
                    sizes.add(size);
                    System.out.printf("%-16s %,12d %10.1f%n", table, size.rows(), size.megabytes());
                }
            }
        }
        return sizes;
    }

    private static long bytes(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(TableSizes::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
