package io.squeaky.flink;

import io.squeaky.records.CaseRecord;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.LateRecord;
import io.squeaky.records.Reject;
import io.squeaky.workflow.SqueakyWorkflow.Outputs;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.Path;

/** The Parquet tables under one output folder, and how the workflow's outputs reach them. */
public final class OutputTables {

    public static final String CASES = "cases";
    public static final String EXCHANGES = "exchanges";
    public static final String REJECTS = "rejects";
    public static final String LATE = "late";
    public static final List<String> ALL = List.of(CASES, EXCHANGES, REJECTS, LATE);

    private OutputTables() {}

    public static void attach(Outputs outputs, String outputDir) {
        outputs.cases()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                CASES,
                                CaseRecord.class,
                                c -> ParquetTables.utcDate(c.getOpenedAt())))
                .name("cases table")
                .uid("cases-table");
        outputs.exchanges()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                EXCHANGES,
                                ExchangeRecord.class,
                                e -> ParquetTables.utcDate(e.getCaseOpenedAt())))
                .name("exchanges table")
                .uid("exchanges-table");
        outputs.rejects()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                REJECTS,
                                Reject.class,
                                r -> LocalDate.ofEpochDay(r.getRejectedOn())))
                .name("rejects table")
                .uid("rejects-table");
        outputs.late()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                LATE,
                                LateRecord.class,
                                l -> ParquetTables.utcDate(l.getEventTime())))
                .name("late table")
                .uid("late-table");
    }

    /** Marks every table complete, as Hadoop-style readers expect after a finished batch run. */
    public static void markSuccess(String outputDir) throws IOException {
        for (String table : ALL) {
            Path marker = new Path(new Path(outputDir, table), "_SUCCESS");
            marker.getFileSystem().create(marker, WriteMode.OVERWRITE).close();
        }
    }
}
