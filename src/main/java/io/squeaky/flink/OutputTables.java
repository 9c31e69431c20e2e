package io.squeaky.flink;

import io.squeaky.records.BrandHourRow;
import io.squeaky.records.BrandMetricRow;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.EquityRow;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.HazardRatioRow;
import io.squeaky.records.LateRecord;
import io.squeaky.records.PressureEffectRow;
import io.squeaky.records.Reject;
import io.squeaky.workflow.SqueakyWorkflow.Outputs;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.Path;

/** The Parquet tables under one output folder, and how the workflow's outputs reach them. */
public final class OutputTables {

    public static final String CASES = "cases";
    public static final String EXCHANGES = "exchanges";
    public static final String REJECTS = "rejects";
    public static final String LATE = "late";
    public static final String BRAND_METRICS = "brand_metrics";
    public static final String PRESSURE_EFFECT = "pressure_effect";
    public static final String EQUITY = "equity";
    public static final String BRAND_HOURS = "brand_hours";
    public static final String CASE_INTERVALS = "case_intervals";
    public static final String EFFECTS = "effects";

    /** The companion tables of provisional rows, one per statistics table. */
    public static final List<String> PROVISIONAL =
            Stream.of(BRAND_METRICS, PRESSURE_EFFECT, EQUITY, BRAND_HOURS, EFFECTS)
                    .map(table -> table + ProvisionalTables.SUFFIX)
                    .toList();

    public static final List<String> ALL =
            Stream.concat(
                            Stream.of(
                                    CASES,
                                    EXCHANGES,
                                    REJECTS,
                                    LATE,
                                    BRAND_METRICS,
                                    PRESSURE_EFFECT,
                                    EQUITY,
                                    BRAND_HOURS,
                                    CASE_INTERVALS,
                                    EFFECTS),
                            PROVISIONAL.stream())
                    .toList();

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
        outputs.brandMetrics()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                BRAND_METRICS,
                                BrandMetricRow.class,
                                r -> ParquetTables.utcDate(r.getPeriodStart())))
                .name("brand_metrics table")
                .uid("brand-metrics-table");
        outputs.pressureEffects()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                PRESSURE_EFFECT,
                                PressureEffectRow.class,
                                r -> ParquetTables.utcDate(r.getPeriodStart())))
                .name("pressure_effect table")
                .uid("pressure-effect-table");
        outputs.equity()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                EQUITY,
                                EquityRow.class,
                                r -> ParquetTables.utcDate(r.getPeriodStart())))
                .name("equity table")
                .uid("equity-table");
        outputs.brandHours()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                BRAND_HOURS,
                                BrandHourRow.class,
                                r -> ParquetTables.utcDate(r.getPeriodStart())))
                .name("brand_hours table")
                .uid("brand-hours-table");
        outputs.caseIntervals()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                CASE_INTERVALS,
                                CaseIntervalRow.class,
                                r -> ParquetTables.utcDate(r.getOpenedAt())))
                .name("case_intervals table")
                .uid("case-intervals-table");
        outputs.effects()
                .sinkTo(
                        ParquetTables.table(
                                outputDir,
                                EFFECTS,
                                HazardRatioRow.class,
                                r -> ParquetTables.utcDate(r.getPeriodStart())))
                .name("effects table")
                .uid("effects-table");
        provisional(outputs, outputDir, BRAND_METRICS, BrandMetricRow.class);
        provisional(outputs, outputDir, PRESSURE_EFFECT, PressureEffectRow.class);
        provisional(outputs, outputDir, EQUITY, EquityRow.class);
        provisional(outputs, outputDir, BRAND_HOURS, BrandHourRow.class);
        provisional(outputs, outputDir, EFFECTS, HazardRatioRow.class);
    }

    private static void provisional(
            Outputs outputs,
            String outputDir,
            String table,
            Class<? extends SpecificRecordBase> rowType) {
        String name = table + ProvisionalTables.SUFFIX;
        outputs.provisional()
                .filter(row -> rowType.isInstance(row.getRow()))
                .name(name + " rows")
                .sinkTo(ProvisionalTables.table(outputDir, table, rowType))
                .name(name + " table")
                .uid(name.replace('_', '-') + "-table");
    }

    /** Marks every table complete, as Hadoop-style readers expect after a finished batch run. */
    public static void markSuccess(String outputDir) throws IOException {
        for (String table : ALL) {
            Path marker = new Path(new Path(outputDir, table), "_SUCCESS");
            marker.getFileSystem().create(marker, WriteMode.OVERWRITE).close();
        }
    }
}
