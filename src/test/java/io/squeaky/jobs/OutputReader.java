package io.squeaky.jobs;

import io.squeaky.DuckDb;
import java.nio.file.Path;
import java.util.List;

/** The tables under one output folder, read with DuckDB. */
final class OutputReader implements AutoCloseable {

    private final Path output;

    OutputReader(Path output) {
        this.output = output;
    }

    String table(String name) {
        return DuckDb.table(output, name);
    }

    List<List<Object>> rows(String sql) throws Exception {
        return DuckDb.rows(sql);
    }

    Object value(String sql) throws Exception {
        return DuckDb.value(sql);
    }

    long count(String sql) throws Exception {
        return DuckDb.count(sql);
    }

    @Override
    public void close() {}
}
