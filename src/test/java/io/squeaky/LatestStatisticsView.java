package io.squeaky;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The committed view of the latest statistics, {@code jobs/sql/latest_statistics.sql}. */
public final class LatestStatisticsView {

    public static final Path SCRIPT = Path.of("jobs/sql/latest_statistics.sql");

    private LatestStatisticsView() {}

    /** Creates the views on a connection that has the ten tables. */
    public static void create(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        }
    }

    /** Creates one table's view, {@code <table>_latest}, on a connection that has its two. */
    public static void create(Connection connection, String table) throws Exception {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements()) {
                if (sql.contains(" VIEW " + table + "_latest ")) {
                    statement.execute(sql);
                }
            }
        }
    }

    /** The script's statements, comments left out. */
    static List<String> statements() throws Exception {
        StringBuilder code = new StringBuilder();
        for (String line : Files.readAllLines(SCRIPT, StandardCharsets.UTF_8)) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
