package io.squeaky.jobs;

import io.squeaky.flink.OutputTables;
import io.squeaky.flink.PostFileFormat;
import io.squeaky.records.SourceRecord;
import io.squeaky.workflow.SqueakyWorkflow;
import java.io.PrintStream;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The historical job: archived posts from files, in BATCH mode, into Parquet tables. */
public final class BatchJob {

    private BatchJob() {}

    public static void main(String[] args) throws Exception {
        BatchConfig config;
        try {
            config = BatchConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("squeaky batch: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(BatchConfig.USAGE);
            return;
        }
        run(config, System.out);
    }

    public static JobExecutionResult run(BatchConfig config, PrintStream report) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        Configuration.fromMap(Map.of("heartbeat.interval", "2 s")));
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        // Every record is Avro or a basic type; a silent fall-back to Kryo would be a defect.
        env.configure(Configuration.fromMap(Map.of("pipeline.generic-types", "false")));
        if (config.parallelism() > 0) {
            env.setParallelism(config.parallelism());
        }
        FileSource<SourceRecord> files =
                FileSource.forBulkFileFormat(
                                new PostFileFormat(config.format(), config.postFactory()),
                                config.inputs().stream().map(Path::new).toArray(Path[]::new))
                        .build();
        DataStream<SourceRecord> input =
                env.fromSource(
                                files,
                                SqueakyWorkflow.watermarks(
                                        config.outOfOrderness(), config.idleness()),
                                "post files (" + config.format().optionName() + ")")
                        .uid("post-files");
        SqueakyWorkflow.define(
                input, config.settings(), outputs -> OutputTables.attach(outputs, config.output()));

        if (config.pseudonyms().usesDevelopmentSalt()) {
            report.println(
                    "note: customer ids are hashed with the public development salt; give"
                            + " --salt-file or SQUEAKY_SALT for pseudonymous output");
        }
        JobClient job = env.executeAsync("squeaky batch: " + String.join(",", config.inputs()));
        JobExecutionResult result = Progress.follow(job, report);
        OutputTables.markSuccess(config.output());
        new RunSummary(result.getAllAccumulatorResults()).print(report);
        return result;
    }
}
