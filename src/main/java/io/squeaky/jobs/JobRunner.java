package io.squeaky.jobs;

import io.squeaky.flink.OutputTables;
import io.squeaky.records.SourceRecord;
import io.squeaky.workflow.SqueakyWorkflow;
import java.io.PrintStream;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** What the batch and the streaming job share once their sources are chosen. */
final class JobRunner {

    private JobRunner() {}

    static StreamExecutionEnvironment environment(PipelineConfig pipeline) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        Configuration.fromMap(Map.of("heartbeat.interval", "2 s")));
        // Every record is Avro or a basic type; a silent fall-back to Kryo would be a defect.
        env.configure(Configuration.fromMap(Map.of("pipeline.generic-types", "false")));
        if (pipeline.parallelism() > 0) {
            env.setParallelism(pipeline.parallelism());
        }
        return env;
    }

    /** Builds the workflow on the input, runs it to the end and prints the summary. */
    static JobExecutionResult run(
            StreamExecutionEnvironment env,
            DataStream<SourceRecord> input,
            PipelineConfig pipeline,
            String name,
            PrintStream report)
            throws Exception {
        SqueakyWorkflow.define(
                input,
                pipeline.settings(),
                outputs -> OutputTables.attach(outputs, pipeline.output()));
        if (pipeline.pseudonyms().usesDevelopmentSalt()) {
            report.println(
                    "note: customer ids are hashed with the public development salt; give"
                            + " --salt-file or SQUEAKY_SALT for pseudonymous output");
        }
        JobClient job = env.executeAsync(name);
        JobExecutionResult result = Progress.follow(job, report);
        OutputTables.markSuccess(pipeline.output());
        new RunSummary(result.getAllAccumulatorResults()).print(report);
        return result;
    }
}
