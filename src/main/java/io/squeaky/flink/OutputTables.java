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
import io.squeaky.records.ProvisionalRow;
import io.squeaky.records.Reject;
import io.squeaky.workflow.SqueakyWorkflow.Outputs;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.avro.typeutils.GenericRecordAvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.function.SerializableFunction;

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

    /**
     * @param closeQuietParts how long a part file may go without a row before it closes ahead of
     *     the next checkpoint; zero for only at checkpoints (a batch run: one file per partition)
     */
    public static void attach(
            Outputs outputs,
            String outputDir,
            FileCompaction compaction,
            Duration closeQuietParts) {
        Tables tables = new Tables(outputDir, compaction, closeQuietParts);
        tables.write(outputs.cases(), CASES, CaseRecord.class, c -> utc(c.getOpenedAt()));
        tables.write(
                outputs.exchanges(),
                EXCHANGES,
                ExchangeRecord.class,
                e -> utc(e.getCaseOpenedAt()));
        tables.write(
                outputs.rejects(),
                REJECTS,
                Reject.class,
                r -> LocalDate.ofEpochDay(r.getRejectedOn()));
        tables.write(outputs.late(), LATE, LateRecord.class, l -> utc(l.getEventTime()));
        tables.write(
                outputs.brandMetrics(),
                BRAND_METRICS,
                BrandMetricRow.class,
                r -> utc(r.getPeriodStart()));
        tables.write(
                outputs.pressureEffects(),
                PRESSURE_EFFECT,
                PressureEffectRow.class,
                r -> utc(r.getPeriodStart()));
        tables.write(outputs.equity(), EQUITY, EquityRow.class, r -> utc(r.getPeriodStart()));
        tables.write(
                outputs.brandHours(),
                BRAND_HOURS,
                BrandHourRow.class,
                r -> utc(r.getPeriodStart()));
        tables.write(
                outputs.caseIntervals(),
                CASE_INTERVALS,
                CaseIntervalRow.class,
                r -> utc(r.getOpenedAt()));
        tables.write(
                outputs.effects(), EFFECTS, HazardRatioRow.class, r -> utc(r.getPeriodStart()));
        DataStream<ProvisionalRow> statistics = outputs.provisionalStatistics();
        tables.provisional(statistics, BRAND_METRICS, BrandMetricRow.class);
        tables.provisional(statistics, PRESSURE_EFFECT, PressureEffectRow.class);
        tables.provisional(statistics, EQUITY, EquityRow.class);
        tables.provisional(statistics, BRAND_HOURS, BrandHourRow.class);
        if (outputs.provisionalEffects() != null) {
            tables.provisional(outputs.provisionalEffects(), EFFECTS, HazardRatioRow.class);
        }
    }

    private static LocalDate utc(long epochMillis) {
        return ParquetTables.utcDate(epochMillis);
    }

    /** One sink per table, named after it; savepoints find a sink's state by its uid. */
    private record Tables(String outputDir, FileCompaction compaction, Duration closeQuietParts) {

        <T extends SpecificRecordBase> void write(
                DataStream<T> rows,
                String table,
                Class<T> type,
                SerializableFunction<T, LocalDate> partitionDate) {
            rows.sinkTo(
                            ParquetTables.table(
                                    outputDir,
                                    table,
                                    type,
                                    partitionDate,
                                    compaction,
                                    closeQuietParts))
                    .name(table + " table")
                    .uid(table.replace('_', '-') + "-table");
        }

        void provisional(
                DataStream<ProvisionalRow> rows,
                String table,
                Class<? extends SpecificRecordBase> rowType) {
            String name = table + ProvisionalTables.SUFFIX;
            Schema schema = ProvisionalTables.schema(rowType);
            rows.filter(row -> rowType.isInstance(row.getRow()))
                    .name(name + " rows")
                    .map(ProvisionalTables.flat(schema))
                    .returns(new GenericRecordAvroTypeInfo(schema))
                    .name(name + " flat rows")
                    .sinkTo(
                            ProvisionalTables.table(
                                    outputDir, table, schema, compaction, closeQuietParts))
                    .name(name + " table")
                    .uid(name.replace('_', '-') + "-table");
        }
    }

    /** Marks every table complete, as Hadoop-style readers expect after a finished batch run. */
    public static void markSuccess(String outputDir) throws IOException {
        for (String table : ALL) {
            Path marker = new Path(new Path(outputDir, table), "_SUCCESS");
            marker.getFileSystem().create(marker, WriteMode.OVERWRITE).close();
        }
    }
}
