package io.squeaky.jobs;

import io.squeaky.flink.FileCompaction;
import io.squeaky.flink.OutputTables;
import io.squeaky.flink.SummariseBrands;
import io.squeaky.records.BrandSummaryLine;
import io.squeaky.records.CaseOutcome;
import io.squeaky.records.HazardRatioRow;
import io.squeaky.records.SourceRecord;
import io.squeaky.report.CaseOutcomes;
import io.squeaky.workflow.SqueakyWorkflow;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** What the batch and the streaming job share once their sources are chosen. */
final class JobRunner {

    private JobRunner() {}

    static StreamExecutionEnvironment environment(PipelineConfig pipeline) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        Configuration.fromMap(
                                Map.of(
                                        "heartbeat.interval",
                                        "2 s",
                                        // Only the embedded cluster of a local run reads this (a
                                        // cluster has its own).
                                        "taskmanager.memory.managed.size",
                                        Long.toString(pipeline.localManagedMemory()))));
        // Every record is Avro or a basic type; a
        // silent fall-back to Kryo would be a defect.
        env.configure(Configuration.fromMap(Map.of("pipeline.generic-types", "false")));
        if (pipeline.parallelism() > 0) {
            env.setParallelism(pipeline.parallelism());
        }
        return env;
    }

    /**
     * Builds the workflow on the input and runs it to the end. A bounded run also computes each
     * brand's line of the censoring-aware summary and brings the lines back to print; an unbounded
     * one never ends, and does not. {@code additions} attaches what a version of the job adds to
     * the workflow's outputs besides the tables.
     */
    static JobExecutionResult run(
            StreamExecutionEnvironment env,
            DataStream<SourceRecord> input,
            PipelineConfig pipeline,
            FileCompaction compaction,
            Duration closeQuietParts,
            Consumer<SqueakyWorkflow.Outputs> additions,
            String name,
            boolean bounded,
            PrintStream report,
            Consumer<JobClient> started)
            throws Exception {
        List<CloseableIterator<BrandSummaryLine>> lines = new ArrayList<>();
        List<CloseableIterator<HazardRatioRow>> studyEffects = new ArrayList<>();
        SqueakyWorkflow.define(
                input,
                pipeline.settings(),
                outputs -> {
                    OutputTables.attach(outputs, pipeline.output(), compaction, closeQuietParts);
                    additions.accept(outputs);
                    if (bounded) {
                        lines.add(
                                outputs.cases()
                                        .map(CaseOutcomes::of)
                                        .returns(new AvroTypeInfo<>(CaseOutcome.class))
                                        .name("case outcomes for the summary")
                                        .keyBy(CaseOutcome::getBrand, Types.STRING)
                                        .process(new SummariseBrands())
                                        .returns(new AvroTypeInfo<>(BrandSummaryLine.class))
                                        .name("summary line per brand")
                                        .uid("summary-per-brand")
                                        .collectAsync());
                        // The few study-level rows over the whole input: the job fits them.
                        studyEffects.add(
                                outputs.effects()
                                        .filter(RunSummary::isStudyOverWholeInput)
                                        .name("study hazard ratios for the summary")
                                        .collectAsync());
                    }
                });
        if (pipeline.pseudonyms().usesDevelopmentSalt()) {
            report.println(
                    "note: customer ids are hashed with the public development salt; give"
                            + " --salt-file or SQUEAKY_SALT for pseudonymous output");
        }
        if (pipeline.rejectsRaw()) {
            report.println(
                    "note: --rejects-raw keeps raw records, with account ids, handles and post"
                            + " text, in the rejects table; do not share that table");
        }
        JobClient job = env.executeAsync(name);
        started.accept(job);
        CompletableFuture<List<BrandSummaryLine>> collected =
                lines.isEmpty()
                        ? job.getJobExecutionResult().thenApply(done -> List.<BrandSummaryLine>of())
                        : CompletableFuture.supplyAsync(() -> drain(lines.get(0)));
        CompletableFuture<List<HazardRatioRow>> effects =
                studyEffects.isEmpty()
                        ? CompletableFuture.completedFuture(List.of())
                        : CompletableFuture.supplyAsync(() -> drain(studyEffects.get(0)));
        // A BATCH run has no watermark to speak of: event time is reached at once.
        boolean batch =
                env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE)
                        == RuntimeExecutionMode.BATCH;
        JobExecutionResult result =
                Progress.follow(
                        job,
                        CompletableFuture.allOf(collected, effects),
                        report,
                        bounded ? 3 : 10,
                        batch ? null : pipeline.outOfOrderness());
        new RunSummary(result.getAllAccumulatorResults(), collected.get(), effects.get())
                .print(report);
        return result;
    }

    private static <T> List<T> drain(CloseableIterator<T> iterator) {
        List<T> all = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(all::add);
        } catch (Exception e) {
            throw new IllegalStateException("collecting the summary failed", e);
        }
        return all;
    }
}
